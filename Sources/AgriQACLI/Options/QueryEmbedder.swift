import AgriQAEmbedding
import AgriQAIndex

/// The embedder for questions, when the index has vectors to compare them with; nil (BM25 only)
/// otherwise, with a warning when the embedder cannot be loaded.
enum QueryEmbedder {
    static func make(for index: KnowledgeIndex, options: EmbedderOptions) async -> (any TextEmbedder)? {
        guard (try? index.vectorCount()) ?? 0 > 0 else { return nil }
        do {
            return try await options.make()
        } catch {
            Terminal.writeError("warning: \(error) — searching with BM25 only.\n")
            return nil
        }
    }
}
