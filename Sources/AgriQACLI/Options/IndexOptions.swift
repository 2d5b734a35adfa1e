import AgriQAIndex
import ArgumentParser
import Foundation

/// `--index FILE`, shared by every command that reads or writes the index.
struct IndexOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite index file (created if missing). Also AGRIQA_INDEX.", valueName: "file"))
    var index: String?

    var path: String {
        index ?? ProcessInfo.processInfo.environment["AGRIQA_INDEX"] ?? KnowledgeIndex.defaultPath
    }

    func open() throws -> KnowledgeIndex {
        do {
            return try KnowledgeIndex(path: path)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// Opens an index that must already exist (read-only commands should not create empty files).
    func openExisting() throws -> KnowledgeIndex {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError("no index at \(path); build one with `agriqa ingest PATH... --index \(path)`.")
        }
        return try open()
    }
}
