import ArgumentParser

/// `agriqa-bench`: latency benchmarks that print medians and tail latencies next to same-run
/// baselines (the raw parts a measured path is built from), so a figure can be judged on a noisy
/// machine. `scripts/bench-search.sh` (`make bench`) builds the indexes and runs `search`.
@main
struct AgriQABench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agriqa-bench",
        abstract: "Latency benchmarks for AgriQA (see docs/benchmarks.md).",
        subcommands: [SearchBenchCommand.self, EmbeddingBenchCommand.self, RecordsCommand.self])
}
