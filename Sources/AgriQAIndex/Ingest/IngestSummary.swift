/// A file that could not be ingested, and why.
public struct IngestFailure: Codable, Sendable, Equatable {
    public var path: String
    public var reason: String
}

/// The outcome of one `agriqa ingest` run.
public struct IngestSummary: Codable, Sendable {
    public var added = 0
    public var unchanged = 0
    public var replaced = 0
    /// Same content as a file already indexed under another path: not indexed twice.
    public var duplicates: [String] = []
    public var failed: [IngestFailure] = []
    /// Files in the given folders that AgriQA does not ingest: other types, and tables or JSON files
    /// that are not Q&A records (manifests, say).
    public var skipped: [String] = []
    /// Pages, image-only pages and chunks of the documents written in this run.
    public var pages = 0
    public var imageOnlyPages = 0
    public var chunks = 0
    /// Distinct regions tagged on the documents written in this run.
    public var regions = 0
    public var warnings: [String] = []
    public var seconds = 0.0
    public var index = ""
    /// Vectors computed after the documents were written (nil with `--no-embed`).
    public var embedding: EmbeddingRunner.Summary?
    /// Why chunks were left without vectors (no model installed, embedder mismatch…).
    public var embeddingError: String?

    public init() {}

    public var files: Int { added + unchanged + replaced + duplicates.count + failed.count }
}

/// Progress of a run, reported as each file finishes.
public struct IngestProgress: Sendable {
    public enum Outcome: Sendable {
        case added, replaced, unchanged, duplicate, skipped, failed(String)
    }

    public var completed: Int
    public var total: Int
    public var path: String
    public var outcome: Outcome
    public var pages: Int
}
