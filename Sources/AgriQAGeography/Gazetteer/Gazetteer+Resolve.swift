import AgriQADomain
import Foundation

extension Gazetteer {
    /// A location as the user types it: a code ("US-WA", "in-tn", "US-WA/53053", "KEN"), a name
    /// ("Tamil Nadu", "Kenya", "Sénégal"), a qualified name ("Pierce County, Washington",
    /// "Whitman County, WA", "Sorriso, Mato Grosso", "Sorriso (MT)"), or "lat,lon" (the nearest
    /// region with a centroid, finest level first).
    ///
    /// Unknown text → `LocationError.unknown` with up to 5 suggestions; a name several regions
    /// share with nothing to tell them apart ("Georgia", "Punjab") → `LocationError.ambiguous`.
    public func resolveLocation(_ text: String) throws(LocationError) -> Region {
        let trimmed = text.trimmed()
        guard !trimmed.isEmpty else { throw .empty }

        switch CoordinateLookup.parse(trimmed) {
        case .coordinate(let latitude, let longitude):
            return try nearestRegion(latitude: latitude, longitude: longitude)
        case .outOfRange:
            throw .invalidCoordinates(trimmed)
        case .notCoordinates:
            break
        }

        if AgriQACSVFormat.isValidCode(trimmed.uppercased()), let region = region(RegionCode(trimmed.uppercased())) {
            return region
        }
        if let chosen = try choose(nameCandidates(trimmed), for: trimmed) { return chosen }
        let parts = Self.qualifierParts(trimmed)
        if parts.count >= 2 {
            if let resolved = try resolveQualified(parts, original: trimmed) { return resolved }
        } else {
            if trimmed.count == 3, let code = alpha3Codes[trimmed.uppercased()], let region = region(code) {
                return region
            }
            if let chosen = try choose(subdivisionsWithSuffix(trimmed), for: trimmed) { return chosen }
        }
        throw .unknown(trimmed, suggestions: suggestions(for: parts.first ?? trimmed, limit: 5))
    }

    /// Up to `limit` regions whose names are closest to `text` (edit distance on folded names,
    /// names starting with the text first among equals), countries before subdivisions before
    /// local regions.
    public func suggestions(for text: String, limit: Int) -> [Region] {
        let key = FoldingTokenizer.key(text)
        guard !key.isEmpty, limit > 0 else { return [] }
        let query = Array(key.utf8)
        let maxDistance = max(2, query.count / 3)
        var scored: [Int: Double] = [:]
        for (name, indices) in nameIndex {
            let candidate = Array(name.utf8)
            var score: Double
            if candidate.starts(with: query) || (query.count >= 4 && query.starts(with: candidate) && candidate.count >= 4) {
                score = 0.5
            } else {
                let distance = EditDistance.distance(query, candidate, limit: maxDistance)
                guard distance <= maxDistance else { continue }
                score = Double(distance)
            }
            for index in indices {
                let levelRank: Double
                switch storage[index].level {
                case .country: levelRank = 0
                case .subdivision: levelRank = 0.1
                case .local: levelRank = 0.2
                }
                score += levelRank
                if let existing = scored[index], existing <= score { continue }
                scored[index] = score
            }
        }
        return scored.sorted { lhs, rhs in
            lhs.value != rhs.value ? lhs.value < rhs.value : storage[lhs.key].name < storage[rhs.key].name
        }.prefix(limit).map { storage[$0.key] }
    }

    // MARK: - Names

    /// Regions named `text`: exact names and aliases first, then names without their designation
    /// ("Whitman" → Whitman County), then "Washington State" / "State of Washington" forms.
    func nameCandidates(_ text: String) -> [Int] {
        let key = FoldingTokenizer.key(text)
        guard !key.isEmpty else { return [] }
        if let exact = nameIndex[key] { return exact }
        let stripped = NameDesignation.strippingDesignation(key)
        if stripped != key, let exact = nameIndex[stripped] { return exact }
        if let short = shortNameIndex[key] { return short }
        var tokens = key.split(separator: " ").map(String.init)
        if tokens.count > 2, tokens[0] == "state", tokens[1] == "of" { tokens.removeFirst(2) }
        if tokens.count > 1, tokens.last == "state" { tokens.removeLast() }
        let bare = tokens.joined(separator: " ")
        if bare != key, let exact = nameIndex[bare] { return exact }
        return []
    }

    /// Subdivisions whose code ends with `text` ("WA" → US-WA, AU-WA), plus the country with
    /// that code.
    func subdivisionsWithSuffix(_ text: String) -> [Int] {
        let suffix = text.uppercased()
        guard (1...3).contains(suffix.count), suffix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return []
        }
        var result: [Int] = []
        if suffix.count == 2, let country = indexOfCode[RegionCode(suffix)] { result.append(country) }
        for (index, region) in storage.enumerated() where region.level == .subdivision {
            if region.code.rawValue.hasSuffix("-" + suffix) { result.append(index) }
        }
        return result
    }

    /// One region from name matches: duplicates and regions whose ancestor also matched are
    /// dropped ("Mexico" = MX, not the state MX-MEX); a single country among second-level or
    /// local homonyms wins; otherwise several remaining regions are ambiguous.
    private func choose(_ indices: [Int], for text: String) throws(LocationError) -> Region? {
        let remaining = collapse(indices)
        if remaining.isEmpty { return nil }
        if remaining.count == 1 { return storage[remaining[0]] }
        let firstLevel = remaining.filter { index in
            let region = storage[index]
            return region.level == .country
                || (region.level == .subdivision && (region.parent == nil || region.parent == region.code.country))
        }
        let countries = remaining.filter { storage[$0].level == .country }
        if countries.count == 1 && firstLevel.count == 1 { return storage[countries[0]] }
        if firstLevel.isEmpty, let onlySubdivision = single(remaining.filter { storage[$0].level == .subdivision }) {
            return storage[onlySubdivision]
        }
        throw .ambiguous(text, candidates: remaining.map { storage[$0] }.sorted { $0.code < $1.code })
    }

    private func single(_ indices: [Int]) -> Int? { indices.count == 1 ? indices[0] : nil }

    /// Unique indices without those that have another candidate among their ancestors.
    func collapse(_ indices: [Int]) -> [Int] {
        let unique = Array(Set(indices)).sorted()
        let codes = Set(unique.map { storage[$0].code })
        return unique.filter { index in
            !ancestors(of: storage[index].code).contains(where: codes.contains)
        }
    }

    // MARK: - Qualified names

    /// "Pierce County, Washington" → ["Pierce County", "Washington"]; "Sorriso (MT)" →
    /// ["Sorriso", "MT"]; "Sorriso - MT" → ["Sorriso", "MT"].
    static func qualifierParts(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for character in text.replacingDashSeparators() {
            if character == "," || character == "(" || character == ")" || character == ";" || character == "\u{1F}" {
                if !current.trimmed().isEmpty { parts.append(current.trimmed()) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.trimmed().isEmpty { parts.append(current.trimmed()) }
        return parts
    }

    /// Resolves qualifiers right to left: each part must lie under one of the regions the part
    /// after it named.
    private func resolveQualified(_ parts: [String], original: String) throws(LocationError) -> Region? {
        guard let last = parts.last else { return nil }
        var context = Set(qualifierCandidates(last))
        guard !context.isEmpty else { return nil }
        var chosen: [Int] = Array(context)
        for part in parts.dropLast().reversed() {
            let named = nameCandidates(part)
            let under = named.filter { index in
                let chain = Set(ancestors(of: storage[index].code))
                return context.contains { chain.contains(storage[$0].code) }
            }
            if under.isEmpty { return nil }
            chosen = under
            context = Set(under)
        }
        return try choose(chosen, for: original)
    }

    /// Regions a qualifier may name: by name, by code ("US-WA", "MT"), or by a subdivision code
    /// suffix ("WA", "MT").
    private func qualifierCandidates(_ text: String) -> [Int] {
        var result = nameCandidates(text)
        let upper = text.trimmed().uppercased()
        if AgriQACSVFormat.isValidCode(upper), let index = index(of: RegionCode(upper)) { result.append(index) }
        result.append(contentsOf: subdivisionsWithSuffix(text.trimmed()))
        return Array(Set(result))
    }

    // MARK: - Coordinates

    /// The region whose centroid is nearest, searching local regions first, then subdivisions,
    /// then countries, each within `CoordinateLookup.maximumDistanceKm`.
    func nearestRegion(latitude: Double, longitude: Double) throws(LocationError) -> Region {
        var nearestByLevel: [RegionLevel: (index: Int, distance: Double)] = [:]
        for (index, region) in storage.enumerated() {
            guard let lat = region.latitude, let lon = region.longitude else { continue }
            let distance = CoordinateLookup.distanceKm(latitude, longitude, lat, lon)
            if let best = nearestByLevel[region.level], best.distance <= distance { continue }
            nearestByLevel[region.level] = (index, distance)
        }
        guard !nearestByLevel.isEmpty else { throw .noCentroids(latitude: latitude, longitude: longitude) }
        for level in [RegionLevel.local, .subdivision, .country] {
            if let best = nearestByLevel[level], best.distance <= CoordinateLookup.maximumDistanceKm(level) {
                return storage[best.index]
            }
        }
        guard let overall = nearestByLevel.values.min(by: { $0.distance < $1.distance }) else {
            throw .noCentroids(latitude: latitude, longitude: longitude)
        }
        throw .nothingNear(
            latitude: latitude, longitude: longitude, nearest: storage[overall.index], distanceKm: overall.distance)
    }
}

extension String {
    /// " - " and " – " used as separators ("Sorriso - MT") become a unit separator, so names with
    /// inner hyphens ("Guinea-Bissau") stay whole.
    fileprivate func replacingDashSeparators() -> String {
        var result = self
        for dash in [" - ", " – ", " — "] {
            while let range = result.range(of: dash) {
                result.replaceSubrange(range, with: "\u{1F}")
            }
        }
        return result
    }
}
