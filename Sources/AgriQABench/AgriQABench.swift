import ArgumentParser

/// `agriqa-bench`: latency benchmarks that print medians and tail latencies next to same-run
/// baselines (the raw parts a measured path is built from), so a figure can be judged on a noisy
/// machine. `make bench` (scripts/bench.sh) runs them beside the ingest, HTTP and exam figures;
/// `scripts/bench-search.sh` builds the search indexes and runs `search`.
@main
struct AgriQABench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agriqa-bench",
        abstract: "Latency benchmarks for AgriQA (see docs/benchmarks.md).",
        subcommands: [
            SearchBenchCommand.self, EmbeddingBenchCommand.self, EmbeddingThroughputCommand.self, ExamBaselineCommand.self,
            RecordsCommand.self,
        ])
}
