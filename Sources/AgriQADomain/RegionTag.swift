/// Where the evidence for a region tag came from. Stronger evidence carries more weight.
public enum TagEvidence: String, Sendable, Codable, CaseIterable {
    /// The document title names the place.
    case title
    /// PDF metadata (subject, keywords, author) names the place.
    case metadata
    /// A publisher tied to the place ("Washington State University Extension").
    case publisher
    /// A structured field of a Q&A record (state, district, country).
    case recordField
    /// Mentions in the body text, weighted by frequency.
    case mention
    /// A chunk inherits its document's regions.
    case inherited
}

/// A region attached to a document or chunk, with a weight in 0...1.
public struct RegionTag: Hashable, Sendable, Codable {
    public var code: RegionCode
    public var weight: Double
    public var evidence: TagEvidence

    public init(code: RegionCode, weight: Double, evidence: TagEvidence) {
        self.code = code
        self.weight = weight
        self.evidence = evidence
    }
}
