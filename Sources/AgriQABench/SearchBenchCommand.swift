import AgriQAEmbedding
import AgriQARetrieval
import ArgumentParser
import Foundation

/// `agriqa-bench search`: hybrid search latency next to its raw parts, per index.
struct SearchBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Hybrid search latency (p50/p99/mean) next to the raw FTS5 query, the raw vector scan and the query embedding.",
        discussion: """
            Without --index, benchmarks ~/.cache/agriqa/bench/index-N.sqlite for every N in --chunks (built by \
            scripts/bench-search.sh). Questions: AgXQA dev questions and held-out Kisan Call Centre questions (with \
            their state as the location), read from --data. Warm-up questions are excluded from the figures. \
            Targets (issue 4): hybrid p50 ≤ 10 ms, p99 ≤ 30 ms at 100k chunks, ≤ 1.5× raw FTS + raw scan.
            """)

    @Option(name: .customLong("index"), help: ArgumentHelp("An index file to measure; repeatable.", valueName: "file"))
    var indexes: [String] = []

    @Option(help: "Chunk counts whose cached benchmark indexes to measure, when no --index is given.")
    var chunks = "10000,100000"

    @Option(help: "Questions per index.")
    var queries = 400

    @Option(help: "Times each question is asked (measured).")
    var rounds = 1

    @Option(help: "Questions asked first and not measured.")
    var warmup = 30

    @Option(help: ArgumentHelp("The shared data folder (questions).", valueName: "dir"))
    var data = "../shared/data"

    @Option(help: ArgumentHelp("Model directory of the built-in embedder.", valueName: "dir"))
    var modelDir: String?

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    @Option(help: ArgumentHelp("Also write the JSON report to this file.", valueName: "file"))
    var out: String?

    func validate() throws {
        guard queries >= 1 else { throw ValidationError("--queries must be at least 1") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
        guard warmup >= 0 else { throw ValidationError("--warmup must not be negative") }
        guard !indexFiles.isEmpty else { throw ValidationError("--chunks must list chunk counts, e.g. 10000,100000") }
    }

    var indexFiles: [String] {
        if !indexes.isEmpty { return indexes }
        let cache = FileManager.default.homeDirectoryForCurrentUser.appending(path: ".cache/agriqa/bench").path
        return chunks.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            .map { "\(cache)/index-\($0).sqlite" }
    }

    func run() async throws {
        let started = SearchBenchReport.Machine.current()
        let questions = try BenchQueries.load(data: BenchData(root: data), limit: queries)
        let embedder = try modelDir.map { try LocalSentenceEmbedder(modelDirectory: URL(fileURLWithPath: $0)) }
            ?? LocalSentenceEmbedder()
        var results: [IndexResult] = []
        for file in indexFiles {
            guard FileManager.default.fileExists(atPath: file) else { throw BenchError.missingIndex(path: file) }
            let runner = SearchBenchRunner(
                indexPath: file, queries: questions, rounds: rounds, warmup: warmup, options: SearchOptions(),
                embedder: embedder, progress: { FileHandle.standardError.write(Data("[\(file)] \($0)\n".utf8)) })
            results.append(try await runner.run())
        }
        var machine = started
        machine.loadAtEnd = SearchBenchReport.Machine.loadAverage()
        let report = SearchBenchReport(machine: machine, options: SearchOptions(), results: results)
        let encoded = try report.json()
        if let out { try Data((encoded + "\n").utf8).write(to: URL(fileURLWithPath: out)) }
        print(json ? encoded : report.table())
    }
}
