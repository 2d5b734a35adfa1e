import AgriQAEmbedding
import ArgumentParser
import Foundation

/// `agriqa-bench embedding`: latency of embedding one question at a time with the built-in
/// embedder (what a search pays before it can scan), p50/p99/mean over the benchmark questions.
struct EmbeddingBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embedding",
        abstract: "Latency of embedding one question at a time (built-in embedder), with its token counts.")

    @Option(help: "Questions to embed.")
    var queries = 200

    @Option(help: "Times each question is embedded (measured).")
    var rounds = 1

    @Option(help: "Questions embedded first and not measured.")
    var warmup = 20

    @Option(help: ArgumentHelp("The shared data folder (questions).", valueName: "dir"))
    var data = "../shared/data"

    @Option(help: ArgumentHelp("Model directory of the built-in embedder.", valueName: "dir"))
    var modelDir: String?

    @Option(help: "Worker threads of the embedder (default: AGRIQA_EMBEDDING_THREADS, else every core).")
    var threads: Int?

    func run() async throws {
        let questions = try BenchQueries.load(data: BenchData(root: data), limit: queries).map(\.text)
        let options = LocalSentenceEmbedder.Options(threads: threads)
        let embedder = try modelDir.map { try LocalSentenceEmbedder(modelDirectory: URL(fileURLWithPath: $0), options: options) }
            ?? LocalSentenceEmbedder(options: options)
        for text in questions.prefix(warmup) { _ = try await embedder.embed([text]) }
        var samples: [Double] = []
        let cpuStart = processCPUMilliseconds()
        for _ in 0..<max(1, rounds) {
            for text in questions { samples.append(try await timed { try await embedder.embed([text]) }.1) }
        }
        let cpuPerQuestion = (processCPUMilliseconds() - cpuStart) / Double(samples.count)
        let tokens = questions.map { Double(embedder.tokenIDs($0).count) }
        let latency = LatencySummary(milliseconds: samples)
        print(String(
            format: "%d questions × %d, %d threads: p50 %.2f ms, p99 %.2f ms, mean %.2f ms, CPU %.2f ms per question; tokens per question median %.0f, max %.0f",
            questions.count, max(1, rounds), embedder.threadCount, latency.p50, latency.p99, latency.mean, cpuPerQuestion,
            LatencySummary(milliseconds: tokens).p50, tokens.max() ?? 0))
    }
}
