import AgriQAEmbedding
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import ArgumentParser
import Foundation

/// Options shared by the `eval` subcommands.
struct EvalOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Keep the evaluation index in this file (reused by later runs with the same inputs) instead of a temporary one. Use a separate file: the evaluation writes its inputs into it.",
            valueName: "file"))
    var index: String?

    @Option(
        name: .customLong("mode"),
        help: ArgumentHelp("Evaluate only this mode (bm25, dense or hybrid); repeatable. Default: all three.", valueName: "mode"))
    var modes: [SearchMode] = []

    @OptionGroup var fusionOptions: FusionOptions

    @Flag(help: "Print the report as JSON on standard output.")
    var json = false

    var fusion: FusionSettings { fusionOptions.settings }

    /// The modes asked for, in a fixed order, without repeats; all three by default.
    var selectedModes: [SearchMode] {
        let order: [SearchMode] = [.bm25, .dense, .hybrid]
        return modes.isEmpty ? order : order.filter(modes.contains)
    }

    /// The embedder, unless only BM25 is evaluated. A missing model is an error: dense and hybrid
    /// numbers without vectors would silently be BM25 numbers.
    func embedder(for modes: [SearchMode], options: EmbedderOptions) async throws -> (any TextEmbedder)? {
        guard modes.contains(where: { $0 != .bm25 }) else { return nil }
        do {
            return try await options.make()
        } catch {
            throw CLIError("\(error) To evaluate without embeddings, pass --mode bm25.")
        }
    }
}

/// The index an evaluation searches: the `--index` file, or a temporary one removed afterwards.
struct EvaluationWorkspace {
    let index: KnowledgeIndex
    let temporaryDirectory: URL?

    var isKept: Bool { temporaryDirectory == nil }

    init(keeping path: String?) throws {
        if let path {
            temporaryDirectory = nil
            do {
                index = try KnowledgeIndex(path: path)
            } catch {
                throw CLIError(error.description)
            }
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-eval-\(UUID().uuidString)")
        temporaryDirectory = directory
        do {
            index = try KnowledgeIndex(path: directory.appendingPathComponent("eval.sqlite").path)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw CLIError("\(error.description) (set TMPDIR to a writable folder, or pass --index FILE)")
        }
    }

    func remove() {
        if let temporaryDirectory { try? FileManager.default.removeItem(at: temporaryDirectory) }
    }
}

/// One progress bar per phase (indexing, embedding, searching), so each phase's estimate is its own.
final class PhasedProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var phase = ""
    private var bar = ProgressBar()

    func update(_ progress: EvaluationProgress) {
        switch progress {
        case .indexing(let what):
            draw(phase: "indexing", completed: 0, total: 1, label: "indexing \(what)")
        case .embeddingChunks(let done, let total, let rate):
            draw(phase: "chunks", completed: done, total: total, label: String(format: "embedding, %.0f chunks/s", rate))
        case .embeddingQuestions(let done, let total):
            draw(phase: "questions", completed: done, total: total, label: "embedding questions")
        case .searching(let done, let total):
            draw(phase: "searching", completed: done, total: total, label: "searching")
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        bar.finish()
    }

    private func draw(phase: String, completed: Int, total: Int, label: String) {
        lock.lock()
        defer { lock.unlock() }
        if phase != self.phase {
            bar.finish()
            bar = ProgressBar()
            self.phase = phase
        }
        bar.update(completed: completed, total: total, label: label)
    }
}

/// What every evaluation run needs: the gazetteer, the modes, the embedder, an index and progress.
struct EvaluationContext {
    var gazetteer: Gazetteer
    var modes: [SearchMode]
    var embedder: (any TextEmbedder)?
    var workspace: EvaluationWorkspace
    var progress: PhasedProgress
}

extension EvalOptions {
    /// Sets up the context, runs `body`, cleans up, and prints the report as JSON or a table.
    func run<Report: Encodable>(
        gazetteerOptions: GazetteerOptions, embedderOptions: EmbedderOptions, render: (Report) -> String,
        _ body: (EvaluationContext) async throws -> Report
    ) async throws {
        let gazetteer = try gazetteerOptions.load()
        let modes = selectedModes
        let embedder = try await embedder(for: modes, options: embedderOptions)
        let workspace = try EvaluationWorkspace(keeping: index)
        defer { workspace.remove() }
        let progress = PhasedProgress()
        let report: Report
        do {
            report = try await body(
                EvaluationContext(
                    gazetteer: gazetteer, modes: modes, embedder: embedder, workspace: workspace, progress: progress))
        } catch {
            progress.finish()
            throw CLIError(String(describing: error))
        }
        progress.finish()
        print(json ? try Terminal.json(report) : render(report))
    }
}
