import AgriQAEmbedding
import AgriQAIndex
import ArgumentParser
import Foundation

struct EmbedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Compute vectors for the chunks that have none yet.",
        discussion: """
            `agriqa ingest` already embeds as it goes (unless --no-embed); this command finishes an interrupted \
            run, or re-embeds everything with --rebuild (needed to switch embedders: an index holds vectors from \
            one embedder only, and says so when asked to mix them). Batches are committed as they finish.
            """)

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var embedderOptions: EmbedderOptions

    @Flag(help: "Drop all vectors and embed every chunk again with the chosen embedder.")
    var rebuild = false

    @Flag(help: "Print the summary as JSON on standard output.")
    var json = false

    func run() async throws {
        let index = try indexOptions.openExisting()
        let embedder = try await embedderOptions.make()
        let bar = ProgressBar()
        let summary: EmbeddingRunner.Summary
        do {
            summary = try await EmbeddingRunner(index: index, embedder: embedder).run(rebuild: rebuild) { progress in
                bar.update(
                    completed: progress.embedded, total: progress.total,
                    label: String(format: "%.0f chunks/s", progress.rate))
            }
        } catch let error as IndexError {
            bar.finish()
            throw CLIError(error.description)
        } catch {
            bar.finish()
            throw CLIError("embedding failed: \(error)")
        }
        bar.finish()
        if json {
            print(try Terminal.json(summary))
        } else {
            print(Self.render(summary))
        }
    }

    static func render(_ summary: EmbeddingRunner.Summary) -> String {
        String(
            format: "Embedded %d chunks with %@ in %.1f s (%.1f chunks/s)", summary.embedded, summary.embedder,
            summary.seconds, summary.chunksPerSecond)
    }
}
