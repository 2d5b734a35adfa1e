import ArgumentParser
import Foundation

/// `agriqa-bench records --count N --out DIR`: writes the Q&A records that bring a benchmark
/// index to its chunk count (see ``BenchRecords``). Used by `scripts/bench-search.sh`.
struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Write N benchmark Q&A records (real KCC records, then perturbed ones) as JSON Lines.")

    @Option(help: "How many records (chunks) to write.")
    var count: Int

    @Option(help: ArgumentHelp("Folder for records-NNN.jsonl (earlier ones are replaced).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("The shared data folder.", valueName: "dir"))
    var data = "../shared/data"

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must not be negative") }
    }

    func run() throws {
        let records = try BenchRecords(data: BenchData(root: data))
        let lines = records.lines(count: count)
        let files = try BenchRecords.write(lines, to: URL(fileURLWithPath: out, isDirectory: true))
        let perturbed = max(0, count - records.real.count)
        print("wrote \(lines.count) records (\(lines.count - perturbed) real KCC, \(perturbed) perturbed) in \(files.count) files to \(out)")
    }
}
