import AgriQADomain

/// Structured lookups for record fields (a state or district column), tolerant of the spellings
/// found in real data: capitals ("ANDHRA PRADESH"), designations ("Kurnool District",
/// "Whitman County" / "Whitman"), spacing ("RANGAREDDY" = "Ranga Reddy"), partial names
/// ("NELLORE" for "SPSR Nellore") and transliteration variants ("MAHABOOBNAGAR").
extension Gazetteer {
    /// A subdivision (state, province, union territory…) by name or code suffix ("AP"), within
    /// `country` when given. Nil when unknown or ambiguous ("Punjab" without a country).
    public func subdivision(named name: String, in country: RegionCode?) -> Region? {
        let key = FoldingTokenizer.key(name)
        guard !key.isEmpty else { return nil }
        let countryCode = country.map(canonical)
        let inScope: (Int) -> Bool = { index in
            let region = self.storage[index]
            return region.level == .subdivision && (countryCode == nil || region.code.country == countryCode)
        }
        if let countryCode, let index = self.index(of: RegionCode("\(countryCode.rawValue)-\(name.trimmed().uppercased())")),
            storage[index].level == .subdivision
        {
            return storage[index]
        }
        let stripped = NameDesignation.strippingDesignation(key)
        for table in [nameIndex, shortNameIndex] {
            for probe in Set([key, stripped]) {
                if let index = preferFirstLevel((table[probe] ?? []).filter(inScope)) { return storage[index] }
            }
        }
        let candidates: [Int]
        if let countryCode {
            candidates = descendants(of: countryCode, maxDepth: 2).filter(inScope)
        } else {
            candidates = storage.indices.filter(inScope)
        }
        return tolerantMatch(stripped, among: candidates).map { storage[$0] }
    }

    /// A country by alpha-2 or alpha-3 code ("IN", "IND") or by name in any loaded language
    /// ("India", "Inde", "Índia").
    public func country(named name: String) -> Region? {
        let trimmed = name.trimmed()
        let upper = trimmed.uppercased()
        if upper.count == 2, let index = index(of: RegionCode(upper)), storage[index].level == .country {
            return storage[index]
        }
        let key = FoldingTokenizer.key(trimmed)
        let countries = Array(Set((nameIndex[key] ?? []).filter { storage[$0].level == .country }))
        if countries.count == 1 { return storage[countries[0]] }
        if upper.count == 3, let code = alpha3Codes[upper] { return region(code) }
        return nil
    }

    /// Every subdivision, in any country, with this name (exact or without designation).
    func subdivisions(named name: String) -> [Region] {
        let key = FoldingTokenizer.key(name)
        let indices = (nameIndex[key] ?? []) + (shortNameIndex[key] ?? [])
        return Array(Set(indices)).sorted().map { storage[$0] }.filter { $0.level == .subdivision }
    }

    /// A finer region (district, county, municipality, block…) by name somewhere under `parent`.
    /// Level by level from the top: an exact name at a level, else a tolerant match at that level,
    /// else the next level down; so "NELLORE" finds the district "SPSR Nellore" rather than the
    /// sub-district "Nellore" inside it. Nil when unknown or ambiguous at the level it is found.
    public func local(named name: String, under parent: RegionCode) -> Region? {
        let key = FoldingTokenizer.key(name)
        guard !key.isEmpty else { return nil }
        let parentCode = canonical(parent)
        let stripped = NameDesignation.strippingDesignation(key)
        var exact: Set<Int> = []
        for table in [nameIndex, shortNameIndex] {
            for probe in Set([key, stripped]) {
                exact.formUnion((table[probe] ?? []).filter { isDescendant(storage[$0].code, of: parentCode) })
            }
        }
        let exactByDepth = Dictionary(grouping: exact) { depth(of: $0, under: parentCode) }
        let all = descendants(of: parentCode, maxDepth: 3)
        let byDepth = Dictionary(grouping: all) { depth(of: $0, under: parentCode) }
        for depth in Set(exactByDepth.keys).union(byDepth.keys).sorted() {
            if let matches = exactByDepth[depth] {
                return matches.count == 1 ? storage[matches[0]] : nil
            }
            if let index = tolerantMatch(stripped, among: byDepth[depth] ?? []) { return storage[index] }
        }
        return nil
    }

    // MARK: - Helpers

    /// Regions under `code` down to `maxDepth` levels, breadth first.
    func descendants(of code: RegionCode, maxDepth: Int) -> [Int] {
        var result: [Int] = []
        var frontier = [canonical(code)]
        for _ in 0..<maxDepth {
            var next: [RegionCode] = []
            for parent in frontier {
                for child in childrenIndex[parent] ?? [] {
                    result.append(child)
                    next.append(storage[child].code)
                }
            }
            if next.isEmpty { break }
            frontier = next
        }
        return result
    }

    private func depth(of index: Int, under parent: RegionCode) -> Int {
        let chain = ancestors(of: storage[index].code)
        return (chain.firstIndex(of: parent) ?? chain.count) + 1
    }

    /// Among equally named subdivisions, the single first-level one (parent is the country).
    private func preferFirstLevel(_ indices: [Int]) -> Int? {
        let unique = Array(Set(indices))
        if unique.count == 1 { return unique[0] }
        let firstLevel = unique.filter { storage[$0].parent == nil || storage[$0].parent == storage[$0].code.country }
        return firstLevel.count == 1 ? firstLevel[0] : nil
    }

    /// The single candidate whose name matches `key` by spacing, by containing all its words, or
    /// by a small skeleton edit distance (1 for names of 5–9 letters, 2 from 10); nil if none or
    /// several match equally well.
    func tolerantMatch(_ key: String, among candidates: [Int]) -> Int? {
        guard !candidates.isEmpty else { return nil }
        let compact = key.removingSpaces()
        let queryTokens = Set(key.split(separator: " ").map(String.init))
        let querySkeleton = NameSkeleton.skeleton(key)
        let limit = querySkeleton.count >= 10 ? 2 : (querySkeleton.count >= 5 ? 1 : 0)

        var compactMatches: Set<Int> = []
        var subsetMatches: Set<Int> = []
        var bestDistance = Int.max
        var best: Set<Int> = []
        for index in candidates {
            let region = storage[index]
            for name in [region.name] + region.aliases {
                let nameKey = FoldingTokenizer.key(name)
                let strippedKey = NameDesignation.strippingDesignation(nameKey)
                for candidateKey in Set([nameKey, strippedKey]) {
                    if candidateKey.removingSpaces() == compact { compactMatches.insert(index) }
                    let tokens = Set(candidateKey.split(separator: " ").map(String.init))
                    if queryTokens.count < tokens.count, queryTokens.isSubset(of: tokens),
                        queryTokens.contains(where: { $0.count >= 4 })
                    {
                        subsetMatches.insert(index)
                    }
                    guard limit > 0 else { continue }
                    let distance = EditDistance.distance(
                        querySkeleton, NameSkeleton.skeleton(candidateKey), limit: limit)
                    if distance < bestDistance {
                        bestDistance = distance
                        best = [index]
                    } else if distance == bestDistance {
                        best.insert(index)
                    }
                }
            }
        }
        if compactMatches.count == 1 { return compactMatches.first }
        if !compactMatches.isEmpty { return nil }
        if subsetMatches.count == 1 { return subsetMatches.first }
        if bestDistance <= limit && best.count == 1 { return best.first }
        return nil
    }
}
