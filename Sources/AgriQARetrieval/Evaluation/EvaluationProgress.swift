/// What an evaluation is doing, for a progress bar.
public enum EvaluationProgress: Sendable {
    /// Preparing and writing the documents to search.
    case indexing(String)
    /// Embedding the index's chunks: done, total, chunks per second.
    case embeddingChunks(done: Int, total: Int, rate: Double)
    /// Embedding the questions once, before the searches.
    case embeddingQuestions(done: Int, total: Int)
    /// Searches done of all searches.
    case searching(done: Int, total: Int)
}
