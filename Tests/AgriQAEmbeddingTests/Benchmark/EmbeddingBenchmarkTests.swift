import AgriQAEmbedding
import Foundation
import Testing

/// Opt-in throughput measurement; run it on a release build (`-enable-testing` because other
/// test targets use `@testable`):
///
///     AGRIQA_EMBEDDING_BENCH=1 swift test -c release -Xswiftc -enable-testing \
///         --filter EmbeddingBenchmarkTests
@Suite(.enabled(if: ProcessInfo.processInfo.environment["AGRIQA_EMBEDDING_BENCH"] == "1",
                "set AGRIQA_EMBEDDING_BENCH=1 (and build with -c release) to measure throughput"))
struct EmbeddingBenchmarkTests {
    @Test(.enabled(if: InstalledModel.isAvailable, Comment(rawValue: InstalledModel.skipMessage)))
    func chunksPerSecondAgainstTheSgemmLimit() throws {
        let embedder = try InstalledModel.embedder.get()
        let environment = ProcessInfo.processInfo.environment
        let chunks = environment["AGRIQA_EMBEDDING_BENCH_CHUNKS"].flatMap(Int.init) ?? 128
        // The machine may be shared: take the better of two sgemm measurements as the limit.
        var sgemm = EmbeddingBenchmark.sgemmGFLOPS()
        print("OpenBLAS: \(OpenBLAS.configuration); encoder threads: \(embedder.threadCount)")
        print(String(format: "plain sgemm 2048³ on all cores: %.1f GFLOP/s (the practical limit)", sgemm))
        print(String(format: "%.2f GFLOP per 256-token chunk", EmbeddingBenchmark.flopsPerSequence(
            embedder.model.configuration, tokens: 256) / 1e9))
        let results = [32, 8, 1].map {
            EmbeddingBenchmark.run(embedder: embedder, chunks: chunks, tokens: 256, batchSize: $0)
        }
        sgemm = max(sgemm, EmbeddingBenchmark.sgemmGFLOPS())
        print(String(format: "plain sgemm, best of the runs before and after: %.1f GFLOP/s", sgemm))
        for result in results {
            print("\(result); \(String(format: "%.0f", 100 * result.gflopsPerSecond / sgemm))% of sgemm")
            #expect(result.chunksPerSecond > 0)
        }
    }
}
