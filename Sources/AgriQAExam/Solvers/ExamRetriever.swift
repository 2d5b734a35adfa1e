import AgriQADomain
import AgriQAIndex
import AgriQARetrieval

/// Retrieved sources for a question, through the hybrid, location-aware searcher.
public struct ExamRetriever: Sendable {
    public let searcher: HybridSearcher
    public var options: SearchOptions
    /// Characters of each source's text given to the model.
    public var sourceCharacters: Int

    public init(searcher: HybridSearcher, options: SearchOptions = SearchOptions(k: 4), sourceCharacters: Int = 900) {
        self.searcher = searcher
        self.options = options
        self.sourceCharacters = sourceCharacters
    }

    /// The question with its options (they name what the question is about) as one query.
    static func query(for question: ExamQuestion) -> String {
        ([question.question] + question.options.map(\.text)).joined(separator: " ")
    }

    public func sources(for query: String, location: Region?) async throws(ExamSolverError) -> [SourceRecord] {
        let response: SearchResponse
        do {
            response = try await searcher.search(query, location: location, options: options)
        } catch {
            throw .retrieval(String(describing: error))
        }
        return response.hits.map { hit in
            SourceRecord(
                rank: hit.rank, chunkID: hit.chunkID, title: hit.title, path: hit.path, page: hit.pageStart,
                score: hit.scores.fused, text: Self.shortened(hit.text, to: sourceCharacters))
        }
    }

    /// At most `limit` characters, cut at a word boundary.
    static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit)
        let cut = prefix.lastIndex(of: " ") ?? prefix.endIndex
        return String(prefix[..<cut]) + " …"
    }
}
