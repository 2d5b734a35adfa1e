import AgriQAIngestion
import ArgumentParser
import Foundation

/// Shows what extraction, cleaning and chunking make of one PDF, without touching the index:
/// the tool for finding out why a document reads badly.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show how a PDF is extracted, cleaned and chunked (nothing is written to the index).")

    @Argument(help: ArgumentHelp("The PDF to inspect.", valueName: "pdf"))
    var file: String

    @Flag(help: "Show raw lines with position, font size and weight (B = bold), before cleaning.")
    var lines = false

    @Flag(help: "Show the chunks instead of the blocks.")
    var chunks = false

    @Option(help: "Upper bound on a chunk's estimated tokens.")
    var chunkTokens = ChunkingOptions.default.maxTokens

    func run() throws {
        let document: ExtractedDocument
        do {
            document = try PDFExtractor().extract(path: file)
        } catch {
            throw CLIError(error.description)
        }
        let metadata = document.metadata
        print(Terminal.bold(metadata.title ?? file))
        print("author: \(metadata.author ?? "-")  subject: \(metadata.subject ?? "-")  pages: \(document.pages.count)")
        if lines {
            for page in document.pages {
                print(Terminal.bold("--- page \(page.number) (label \(page.label ?? "-"), \(page.imageCount) images)"))
                for line in page.lines {
                    print(String(format: "%6.1f %6.1f %5.1f %@ ", line.box.minX, line.box.minY, line.fontSize, line.isBold ? "B" : " ") + line.text)
                }
            }
            return
        }
        let cleaned = DocumentCleaner().clean(document)
        print("running header/footer lines removed: \(cleaned.removedRunningLines); image-only pages: \(cleaned.imageOnlyPageCount)")
        if chunks {
            for chunk in Chunker(options: ChunkingOptions(maxTokens: chunkTokens)).chunk(cleaned.blocks) {
                print(Terminal.bold("--- chunk \(chunk.ordinal), pages \(chunk.pageStart)-\(chunk.pageEnd), \(chunk.tokenCount) tokens, section: \(chunk.sectionPath.joined(separator: " > "))"))
                print(chunk.text)
            }
            return
        }
        for block in cleaned.blocks {
            switch block.kind {
            case .heading(let level):
                print(Terminal.bold(String(repeating: "#", count: level) + " " + block.text) + "  (p. \(block.firstPage))")
            case .paragraph:
                print("[p. \(block.firstPage)\(block.lastPage != block.firstPage ? "-\(block.lastPage)" : "")] " + block.text)
            }
        }
    }
}
