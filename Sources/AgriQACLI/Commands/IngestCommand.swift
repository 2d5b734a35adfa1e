import AgriQAEmbedding
import AgriQAGeography
import AgriQAIndex
import AgriQAIngestion
import ArgumentParser
import Foundation

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest PDFs and Q&A records into the index.",
        discussion: """
            PATH may be files or folders (searched recursively; hidden files skipped). Ingested: .pdf, and Q&A \
            records in .jsonl, .json (array of objects), .csv or .tsv (field names in README, "Q&A records"). \
            Other files in folders are skipped and listed.

            Each file is hashed: an unchanged file is a fast no-op, a changed one is replaced atomically, and a file \
            with the same content as one already indexed is not indexed twice. Each document is committed in its \
            own transaction, so an interrupted run leaves a consistent index and the next run continues.

            A bad file (damaged, encrypted, not a PDF, malformed records) is reported with its reason and never \
            stops the batch; the exit code is 1 when any file failed, 0 otherwise.
            """)

    @Argument(help: ArgumentHelp("Files or folders to ingest.", valueName: "path"))
    var paths: [String]

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var embedderOptions: EmbedderOptions

    @Flag(help: "Do not compute chunk vectors now (run `agriqa embed` later).")
    var noEmbed = false

    @Option(help: "Upper bound on a chunk's estimated tokens.")
    var chunkTokens = ChunkingOptions.default.maxTokens

    @Option(help: "Tokens of trailing sentences repeated at the start of the next chunk of a section.")
    var chunkOverlap = ChunkingOptions.default.overlapTokens

    @Option(help: "Files prepared in parallel (default: number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print the summary as JSON on standard output.")
    var json = false

    @Flag(name: .shortAndLong, help: "List every file as it finishes, and every warning.")
    var verbose = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder to ingest") }
        guard chunkTokens >= 16 else { throw ValidationError("--chunk-tokens must be at least 16") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let index = try indexOptions.open()
        let gazetteer: Gazetteer
        do {
            gazetteer = try gazetteerOptions.load(remembered: try index.rememberedGazetteers())
            try index.rememberGazetteers(gazetteerOptions.gazetteer)
        } catch let error as IndexError {
            throw CLIError(error.description)
        }
        let coordinator = IngestCoordinator(
            index: index, gazetteer: gazetteer,
            chunking: ChunkingOptions(maxTokens: chunkTokens, overlapTokens: chunkOverlap), concurrency: jobs)
        let bar = ProgressBar(enabled: Terminal.stderrIsTTY && !verbose)
        let verbose = self.verbose
        var summary = await coordinator.run(paths) { progress in
            bar.update(completed: progress.completed, total: progress.total, label: URL(fileURLWithPath: progress.path).lastPathComponent)
            if verbose {
                let outcome: String
                switch progress.outcome {
                case .added: outcome = "added"
                case .replaced: outcome = "replaced"
                case .unchanged: outcome = "unchanged"
                case .duplicate: outcome = "duplicate"
                case .skipped: outcome = "skipped (not Q&A records)"
                case .failed: outcome = "FAILED"
                }
                Terminal.writeError("[\(progress.completed)/\(progress.total)] \(outcome) \(progress.path)\n")
            }
        }
        bar.finish()
        if !noEmbed { await embed(into: index, summary: &summary) }
        if json {
            print(try Terminal.json(summary))
        } else {
            print(Self.render(summary, verbose: verbose))
        }
        if !summary.failed.isEmpty { throw ExitCode(1) }
    }

    /// Embeds the chunks left without vectors. A missing model or a mismatched embedder does not fail
    /// the ingest: the documents are in; the summary says what to run to add their vectors.
    private func embed(into index: KnowledgeIndex, summary: inout IngestSummary) async {
        let embedder: any TextEmbedder
        do {
            embedder = try await embedderOptions.make()
        } catch {
            summary.embeddingError = "\(error) Chunks were stored without vectors; then run `agriqa embed`."
            return
        }
        let bar = ProgressBar(enabled: Terminal.stderrIsTTY && !json)
        do {
            summary.embedding = try await EmbeddingRunner(index: index, embedder: embedder).run { progress in
                bar.update(
                    completed: progress.embedded, total: progress.total,
                    label: String(format: "embedding, %.0f chunks/s", progress.rate))
            }
        } catch let error as IndexError {
            summary.embeddingError = error.description
        } catch {
            summary.embeddingError = "embedding failed (\(error)); the documents are indexed, run `agriqa embed` to retry."
        }
        bar.finish()
    }

    static func render(_ summary: IngestSummary, verbose: Bool) -> String {
        var lines: [String] = []
        lines.append(Terminal.bold("Ingested into \(summary.index) in \(String(format: "%.1f", summary.seconds)) s"))
        lines.append(
            "  documents  \(summary.added) added, \(summary.unchanged) unchanged, \(summary.replaced) replaced, "
                + "\(summary.duplicates.count) duplicate, \(summary.failed.count) failed"
                + (summary.skipped.isEmpty ? "" : ", \(summary.skipped.count) skipped (not PDF or Q&A records)"))
        lines.append("  pages      \(summary.pages) (\(summary.imageOnlyPages) image-only, need OCR)")
        lines.append("  chunks     \(summary.chunks)")
        lines.append("  regions    \(summary.regions) distinct")
        if let embedding = summary.embedding {
            lines.append(
                String(
                    format: "  vectors    %d embedded with %@ (%.1f s, %.1f chunks/s)", embedding.embedded,
                    embedding.embedder, embedding.seconds, embedding.chunksPerSecond))
        }
        if let error = summary.embeddingError {
            lines.append("  vectors    not computed: \(error)")
        }
        if !summary.failed.isEmpty {
            lines.append(Terminal.bold("Failed:"))
            lines += summary.failed.map { "  ✗ \($0.reason)" }
        }
        if !summary.warnings.isEmpty {
            lines.append(Terminal.bold("Warnings:"))
            let shown = verbose ? summary.warnings : Array(summary.warnings.prefix(10))
            lines += shown.map { "  ! \($0)" }
            if shown.count < summary.warnings.count {
                lines.append("  … \(summary.warnings.count - shown.count) more (use --verbose or --json)")
            }
        }
        if verbose && !summary.skipped.isEmpty {
            lines.append(Terminal.bold("Skipped:"))
            lines += summary.skipped.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
