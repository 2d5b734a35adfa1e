import AgriQADomain
import AgriQAGeography
import AgriQARetrieval

/// Says where the evidence comes from when it is not from the asker's region: "No Iowa-specific
/// source was found; this comes from Washington guidance."
public struct RegionStatement: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// The note for an answer resting on `evidence` (source numbers, most important first) out of
    /// `citations`, or nil when the main evidence is from the asker's region (or a place in it), or
    /// when the asker's location is unknown.
    public func note(location: Region?, citations: [Citation], evidence: [Int]) -> String? {
        guard let location else { return nil }
        let byNumber = Dictionary(citations.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let evidenceCitations = evidence.compactMap { byNumber[$0] }
        guard let top = evidenceCitations.first, !Self.isLocal(top.relation) else { return nil }
        let phrase = describe(evidenceCitations.filter { !Self.isLocal($0.relation) }, asker: location.code)
        if citations.contains(where: { Self.isLocal($0.relation) }) {
            return "The best-matching evidence comes from \(phrase), not from \(location.name)-specific sources."
        }
        return "No \(location.name)-specific source was found; this comes from \(phrase)."
    }

    /// Whether `text` names a region the non-local evidence comes from (or says it is general
    /// guidance), so the note need not be added to it.
    public func mentionsEvidenceRegion(_ text: String, location: Region?, citations: [Citation], evidence: [Int]) -> Bool {
        guard let location else { return true }
        let byNumber = Dictionary(citations.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let lowered = text.lowercased()
        let names = evidence.compactMap { byNumber[$0] }.filter { !Self.isLocal($0.relation) }
            .compactMap { citation in regionCode(for: citation, asker: location.code).flatMap(gazetteer.region)?.name }
        return names.contains { lowered.contains($0.lowercased()) } || lowered.contains("general guidance")
    }

    static func isLocal(_ relation: RegionRelation) -> Bool {
        relation == .same || relation == .child
    }

    /// "Washington guidance", "Idaho and Oregon guidance", "general guidance not tied to a region",
    /// "Kenya guidance and general material". A source related as a parent is named by the region
    /// that contains the asker's ("United States" for an Iowa asker), others by their strongest region.
    func describe(_ citations: [Citation], asker: RegionCode) -> String {
        let ancestors = Set(gazetteer.ancestors(of: asker).map(\.rawValue))
        var names: [String] = []
        var general = false
        for citation in citations {
            guard let code = regionCode(for: citation, asker: asker, ancestors: ancestors) else {
                general = true
                continue
            }
            if let name = regionName(code.rawValue), !names.contains(name) { names.append(name) }
        }
        guard !names.isEmpty else { return "general guidance not tied to a region" }
        let shown = Array(names.prefix(3))
        let list = shown.count <= 1
            ? shown.joined()
            : shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
        return list + " guidance" + (general ? " and general material" : "")
    }

    /// The region a source's evidence is named by: for a parent relation the region that contains the
    /// asker's, otherwise the source's strongest region; nil for general material.
    func regionCode(for citation: Citation, asker: RegionCode, ancestors: Set<String>? = nil) -> RegionCode? {
        guard citation.relation != .none, let strongest = citation.regions.first else { return nil }
        guard citation.relation == .parent else { return RegionCode(strongest) }
        let containing = ancestors ?? Set(gazetteer.ancestors(of: asker).map(\.rawValue))
        return RegionCode(citation.regions.first(where: containing.contains) ?? strongest)
    }

    /// The region's name, with its parent's for a local region ("Whitman County, Washington").
    func regionName(_ code: String) -> String? {
        guard let region = gazetteer.region(RegionCode(code)) else { return code.isEmpty ? nil : code }
        if region.level == .local, let parent = region.parent.flatMap(gazetteer.region) {
            return "\(region.name), \(parent.name)"
        }
        return region.name
    }
}
