import AgriQADomain

/// Every region AgriQA knows: countries and first-level subdivisions from Debian's iso-codes
/// (`builtIn`), plus finer regions (counties, districts, municipalities) from gazetteer files
/// (`load(file:)`). A value type: build it once at start-up, then share it freely.
///
/// Names are indexed folded (case-, accent- and punctuation-insensitive), so "ANDHRA PRADESH",
/// "Andhra Pradesh" and "andhra-pradesh" are the same key.
public struct Gazetteer: Sendable {
    /// Regions in insertion order; indices into this array are stable (regions are never removed).
    var storage: [Region] = []
    var indexOfCode: [RegionCode: Int] = [:]
    /// Folded name or alias → regions carrying it.
    var nameIndex: [String: [Int]] = [:]
    /// Folded name without its designation ("Whitman County" → "whitman") → regions. Weaker than
    /// `nameIndex`: used when a full name does not match.
    var shortNameIndex: [String: [Int]] = [:]
    /// Parent code → its children (the parent itself may be absent from the gazetteer).
    var childrenIndex: [RegionCode: [Int]] = [:]
    /// Older or newer codes for the same region ("IN-TS" ↔ "IN-TG"), to the code present here.
    var codeAliases: [RegionCode: RegionCode] = [:]
    /// ISO 3166-1 alpha-3 codes ("KEN") → alpha-2 ("KE").
    var alpha3Codes: [String: RegionCode] = [:]

    /// An empty gazetteer; see `builtIn` for the usual starting point.
    public init() {}

    /// Number of regions.
    public var count: Int { storage.count }

    /// All regions, in the order they were added.
    public var regions: [Region] { storage }

    /// The region with this code, following known code changes ("IN-TS" finds Telangana whichever
    /// of IN-TG/IN-TS the installed iso-codes uses).
    public func region(_ code: RegionCode) -> Region? {
        if let index = index(of: code) { return storage[index] }
        return nil
    }

    /// Parent chain, nearest first: US-WA/53053 → [US-WA, US]. Uses the parent recorded in the
    /// gazetteer, else the parent implied by the code's syntax, so it works for codes of regions
    /// that are not loaded.
    public func ancestors(of code: RegionCode) -> [RegionCode] {
        var chain: [RegionCode] = []
        var current = canonical(code)
        while chain.count < 12 {
            let parent: RegionCode?
            if let index = indexOfCode[current] {
                parent = storage[index].parent ?? current.syntacticParent
            } else {
                parent = current.syntacticParent
            }
            guard let next = parent.map(canonical), next != current, !chain.contains(next) else { break }
            chain.append(next)
            current = next
        }
        return chain
    }

    /// Direct children of a region (counties of a state, districts of a state, …).
    public func children(of code: RegionCode) -> [Region] {
        (childrenIndex[canonical(code)] ?? []).map { storage[$0] }
    }

    /// Whether `code` lies under `ancestor` (strictly).
    public func isDescendant(_ code: RegionCode, of ancestor: RegionCode) -> Bool {
        ancestors(of: code).contains(canonical(ancestor))
    }

    // MARK: - Internal access

    func index(of code: RegionCode) -> Int? {
        if let index = indexOfCode[code] { return index }
        if let alias = codeAliases[code] { return indexOfCode[alias] }
        let upper = RegionCode(code.rawValue.uppercased())
        if upper != code { return indexOfCode[upper] ?? codeAliases[upper].flatMap { indexOfCode[$0] } }
        return nil
    }

    func canonical(_ code: RegionCode) -> RegionCode {
        if indexOfCode[code] != nil { return code }
        return codeAliases[code] ?? code
    }

    /// Indices of the ancestors of the region at `index`, nearest first (only loaded ones).
    func ancestorIndices(of index: Int) -> [Int] {
        ancestors(of: storage[index].code).compactMap { indexOfCode[$0] }
    }

    // MARK: - Mutation

    /// Adds a region, or merges it into the region already known under that code (new aliases
    /// and a missing centroid are added; the existing name and parent stay).
    /// - Returns: true when the region is new.
    @discardableResult
    mutating func insert(_ region: Region) -> Bool {
        if let index = index(of: region.code) {
            merge(region, into: index)
            return false
        }
        let index = storage.count
        var region = region
        region.aliases = Self.uniqueAliases(region.aliases, excluding: region.name)
        storage.append(region)
        indexOfCode[region.code] = index
        if let parent = region.parent ?? region.code.syntacticParent {
            childrenIndex[canonical(parent), default: []].append(index)
        }
        indexNames(of: index, names: [region.name] + region.aliases)
        return true
    }

    /// Adds new spellings and a missing centroid to an existing region.
    mutating func merge(_ region: Region, into index: Int) {
        var existing = storage[index]
        var newNames: [String] = []
        var seen = Set([existing.name] + existing.aliases)
        for name in [region.name] + region.aliases {
            let trimmed = name.trimmed()
            guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { continue }
            existing.aliases.append(trimmed)
            newNames.append(trimmed)
        }
        if existing.latitude == nil || existing.longitude == nil,
            let lat = region.latitude, let lon = region.longitude
        {
            existing.latitude = lat
            existing.longitude = lon
        }
        storage[index] = existing
        indexNames(of: index, names: newNames)
    }

    /// Adds aliases to the region with `code`, if present. Returns whether it was found.
    @discardableResult
    mutating func addAliases(_ aliases: [String], to code: RegionCode) -> Bool {
        guard let index = index(of: code) else { return false }
        let region = storage[index]
        merge(Region(code: region.code, name: region.name, level: region.level, aliases: aliases), into: index)
        return true
    }

    mutating func setCodeAlias(_ alias: RegionCode, for code: RegionCode) {
        guard indexOfCode[alias] == nil, alias != code else { return }
        codeAliases[alias] = code
    }

    mutating func setAlpha3(_ alpha3: String, for code: RegionCode) {
        alpha3Codes[alpha3.uppercased()] = code
    }

    private mutating func indexNames(of index: Int, names: [String]) {
        for name in names {
            let key = FoldingTokenizer.key(name)
            guard !key.isEmpty else { continue }
            Self.append(index, to: &nameIndex, key: key)
            let short = NameDesignation.strippingDesignation(key)
            if short != key, !short.isEmpty {
                Self.append(index, to: &shortNameIndex, key: short)
            }
        }
    }

    private static func append(_ index: Int, to table: inout [String: [Int]], key: String) {
        if table[key]?.contains(index) == true { return }
        table[key, default: []].append(index)
    }

    /// Aliases without repeats and without the name itself. Spellings that differ only by accents
    /// or case are kept ("Sénégal" beside "Senegal"): they fold to one index key, but they are
    /// what people read.
    private static func uniqueAliases(_ aliases: [String], excluding name: String) -> [String] {
        var seen: Set<String> = [name]
        var result: [String] = []
        for alias in aliases {
            let trimmed = alias.trimmed()
            guard !trimmed.isEmpty, !FoldingTokenizer.key(trimmed).isEmpty, seen.insert(trimmed).inserted else {
                continue
            }
            result.append(trimmed)
        }
        return result
    }
}
