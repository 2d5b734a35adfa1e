import AgriQAEmbedding

/// An embedder that answers known texts from vectors computed up front in batches, and passes
/// anything else to the underlying embedder. An evaluation asks every question several times (one
/// search per mode, with and without a location); the question is embedded once.
public struct PrecomputedEmbedder: TextEmbedder {
    public let base: any TextEmbedder
    private let vectors: [String: [Float]]

    public var descriptor: EmbedderDescriptor { base.descriptor }

    private init(base: any TextEmbedder, vectors: [String: [Float]]) {
        self.base = base
        self.vectors = vectors
    }

    /// Embeds the distinct `texts` in batches of `batchSize`, reporting (done, total) after each.
    public static func prepare(
        _ texts: [String], with base: any TextEmbedder, batchSize: Int = 64,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> PrecomputedEmbedder {
        var seen: Set<String> = []
        let distinct = texts.filter { seen.insert($0).inserted }
        var vectors: [String: [Float]] = [:]
        var start = 0
        while start < distinct.count {
            try Task.checkCancellation()
            let batch = Array(distinct[start..<min(distinct.count, start + max(1, batchSize))])
            let embedded = try await base.embed(batch)
            for (text, vector) in zip(batch, embedded) { vectors[text] = vector }
            start += batch.count
            progress(start, distinct.count)
        }
        return PrecomputedEmbedder(base: base, vectors: vectors)
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        let known = texts.compactMap { vectors[$0] }
        if known.count == texts.count { return known }
        return try await base.embed(texts)
    }
}
