import AgriQAEmbedding
import ArgumentParser
import Foundation
import GRDB

/// `agriqa-bench embedding-throughput`: chunks/s of the built-in embedder on real chunk texts,
/// beside the chunks/s of the forward pass's matrix products alone (``ForwardPassSGEMM``) for the
/// same token counts in the same batches, measured in the same run.
struct EmbeddingThroughputCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embedding-throughput",
        abstract: "Embedding chunks/s on real chunk texts, beside raw cblas_sgemm of the same shapes.",
        discussion: """
            Reads --chunks chunk texts spread evenly over the index (by chunk id), embeds them with the built-in \
            embedder exactly as `agriqa embed` does (tokenize, length-bucketed batches, encoder, pooling, \
            normalization; one untimed warm-up batch first), then runs only the matrix products of the same forward \
            passes — the Q/K/V, output and feed-forward projections over each batch's token rows and QKᵀ and P·V per \
            sequence and head — as plain single-threaded cblas_sgemm calls, whole batches shared out over as many \
            threads as the embedder uses. The ratio says how close the embedder is to that BLAS floor. The two alternate for --rounds rounds; the \
            medians are reported.

            Examples:
              agriqa-bench embedding-throughput --index ~/.cache/agriqa/bench/index-10000.sqlite
              agriqa-bench embedding-throughput --index index/agriqa.sqlite --chunks 32 --json
            """)

    @Option(help: ArgumentHelp("The index whose chunk texts to embed.", valueName: "file"))
    var index: String

    @Option(help: "Chunk texts to embed (spread evenly over the index).")
    var chunks = 64

    @Option(help: "Alternating rounds of embedder and baseline; the medians are reported.")
    var rounds = 3

    @Option(help: ArgumentHelp("Model directory of the built-in embedder.", valueName: "dir"))
    var modelDir: String?

    @Flag(help: "Print JSON instead of a line of text.")
    var json = false

    func validate() throws {
        guard chunks >= 2 else { throw ValidationError("--chunks must be at least 2") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
    }

    struct Result: Codable {
        var chunks: Int
        var rounds: Int
        var tokens: Int
        var batchSize: Int
        var threads: Int
        var embedderSeconds: Double
        var sgemmSeconds: Double
        var embedderChunksPerSecond: Double
        var sgemmChunksPerSecond: Double
        /// Embedder time over raw-sgemm time (1 would be the BLAS floor).
        var ratio: Double
        var embedder: String
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: index) else { throw BenchError.missingIndex(path: index) }
        let texts = try Self.sampleTexts(index: index, count: chunks)
        guard texts.count >= 2 else { throw BenchError.emptyIndex(path: index, detail: "it has fewer than 2 chunks.") }
        let embedder = try modelDir.map { try LocalSentenceEmbedder(modelDirectory: URL(fileURLWithPath: $0)) }
            ?? LocalSentenceEmbedder()
        let batchSize = embedder.options.batchSize
        let lengths = texts.map { embedder.tokenIDs($0).count }
        // The embedder's own batching: sorted by length, cut into batches of `batchSize`.
        let sorted = lengths.sorted()
        let batches = stride(from: 0, to: sorted.count, by: batchSize).map { Array(sorted[$0..<min($0 + batchSize, sorted.count)]) }

        FileHandle.standardError.write(Data("embedding \(texts.count) chunks (\(lengths.reduce(0, +)) tokens)...\n".utf8))
        _ = try await embedder.embed(Array(texts.prefix(batchSize)))  // warm-up
        // Alternating rounds, medians: a burst of load from elsewhere hits one round of one side, not the figure.
        let baseline = ForwardPassSGEMM(configuration: embedder.model.configuration, threads: embedder.threadCount)
        var embedTimes: [Double] = [], sgemmTimes: [Double] = []
        for round in 1...rounds {
            FileHandle.standardError.write(Data("round \(round)/\(rounds): embedder, then raw cblas_sgemm of the same shapes\n".utf8))
            embedTimes.append(try await timed { try await embedder.embed(texts) }.1 / 1000)
            sgemmTimes.append(baseline.seconds(batches: batches))
        }
        let seconds = LatencySummary(milliseconds: embedTimes).p50
        let sgemm = LatencySummary(milliseconds: sgemmTimes).p50
        let result = Result(
            chunks: texts.count, rounds: rounds, tokens: lengths.reduce(0, +), batchSize: batchSize, threads: embedder.threadCount,
            embedderSeconds: seconds, sgemmSeconds: sgemm, embedderChunksPerSecond: Double(texts.count) / seconds,
            sgemmChunksPerSecond: Double(texts.count) / sgemm, ratio: seconds / sgemm, embedder: embedder.descriptor.description)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(String(
                format: "%d chunks (%d tokens), batch %d, %d threads: embedder %.1f chunks/s, raw sgemm %.1f chunks/s (%.2fx its time)",
                result.chunks, result.tokens, batchSize, result.threads, result.embedderChunksPerSecond,
                result.sgemmChunksPerSecond, result.ratio))
        }
    }

    /// `count` chunk texts at evenly spaced positions in chunk-id order.
    static func sampleTexts(index: String, count: Int) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: index, configuration: configuration)
        return try queue.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM chunks") ?? 0
            let step = max(1, total / max(1, count))
            return try String.fetchAll(
                db, sql: "SELECT text FROM (SELECT text, row_number() OVER (ORDER BY id) AS n FROM chunks) WHERE (n - 1) % ? = 0 LIMIT ?",
                arguments: [step, count])
        }
    }
}
