import AgriQARetrieval

/// A numbered source with the text the answerers read.
public struct AnswerSource: Sendable, Equatable {
    public var citation: Citation
    /// The chunk's whole text.
    public var text: String

    public init(citation: Citation, text: String) {
        self.citation = citation
        self.text = text
    }

    public init(hit: SearchHit, number: Int) {
        self.init(citation: Citation(hit: hit, number: number), text: hit.text)
    }

    public var number: Int { citation.number }
}
