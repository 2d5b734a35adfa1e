import AgriQAEmbedding
import Foundation

/// Embeds every chunk that has no vector yet, batch by batch, committing each batch: an interrupted
/// run loses at most one batch, and the next run continues with the chunks still missing.
public struct EmbeddingRunner: Sendable {
    public struct Progress: Sendable {
        public var embedded: Int
        public var total: Int
        /// Chunks per second so far.
        public var rate: Double
    }

    public struct Summary: Codable, Sendable {
        public var embedder: String
        public var embedded = 0
        public var seconds = 0.0
        public var chunksPerSecond: Double { seconds > 0 ? Double(embedded) / seconds : 0 }
    }

    public var index: KnowledgeIndex
    public var embedder: any TextEmbedder
    /// Chunks fetched, embedded and committed together.
    public var batchSize: Int

    public init(index: KnowledgeIndex, embedder: any TextEmbedder, batchSize: Int = 256) {
        self.index = index
        self.embedder = embedder
        self.batchSize = max(1, batchSize)
    }

    public func run(rebuild: Bool = false, progress: @Sendable (Progress) -> Void = { _ in }) async throws -> Summary {
        let descriptor = embedder.descriptor
        if rebuild {
            try index.resetVectors(for: descriptor)
        } else {
            try index.adopt(descriptor)
        }
        let total = try index.chunkCount() - index.vectorCount()
        var summary = Summary(embedder: descriptor.description)
        let started = Date()
        while true {
            try Task.checkCancellation()
            let batch = try index.chunksWithoutVectors(limit: batchSize)
            if batch.isEmpty { break }
            let vectors = try await embedder.embed(batch.map(\.text))
            guard vectors.count == batch.count else {
                throw IndexError.database(path: index.path, detail: "embedder returned \(vectors.count) vectors for \(batch.count) texts")
            }
            try index.storeVectors(Array(zip(batch.map(\.id), vectors)).map { ($0.0, $0.1) }, dimension: descriptor.dimension)
            summary.embedded += batch.count
            summary.seconds = Date().timeIntervalSince(started)
            progress(Progress(embedded: summary.embedded, total: max(total, summary.embedded), rate: summary.chunksPerSecond))
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
