import AgriQAIndex
import ArgumentParser
import Foundation

struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "List or remove indexed documents.",
        subcommands: [List.self, Remove.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the indexed documents with pages, chunks and top regions.")

        @OptionGroup var indexOptions: IndexOptions

        @Flag(help: "Print JSON on standard output.")
        var json = false

        struct Entry: Encodable {
            var id: Int64
            var path: String
            var kind: String
            var title: String
            var pages: Int
            var imageOnlyPages: Int
            var chunks: Int
            var regions: [Region]
            var warnings: [String]
            var ingestedAt: Date

            struct Region: Encodable {
                var code: String
                var weight: Double
                var evidence: String
            }
        }

        func run() throws {
            let index = try indexOptions.openExisting()
            do {
                let entries = try index.documents().map { document in
                    let id = document.id ?? 0
                    return Entry(
                        id: id, path: document.path, kind: document.kind, title: document.title,
                        pages: document.pageCount, imageOnlyPages: document.imageOnlyPages, chunks: document.chunkCount,
                        regions: try index.regions(ofDocument: id).map {
                            Entry.Region(code: $0.regionCode, weight: $0.weight, evidence: $0.evidence)
                        },
                        warnings: document.warningList, ingestedAt: document.ingestedAt)
                }
                if json {
                    print(try Terminal.json(entries))
                    return
                }
                if entries.isEmpty {
                    print("The index \(index.path) is empty; add documents with `agriqa ingest PATH...`.")
                    return
                }
                for entry in entries {
                    let regions = entry.regions.prefix(4).map { "\($0.code) \(String(format: "%.2f", $0.weight))" }
                    print("\(Terminal.bold(String(format: "%4d", entry.id)))  \(entry.title)")
                    print("      \(entry.kind), \(entry.pages) pages\(entry.imageOnlyPages > 0 ? " (\(entry.imageOnlyPages) need OCR)" : ""), \(entry.chunks) chunks, regions: \(regions.isEmpty ? "none (general)" : regions.joined(separator: ", "))")
                    print("      \(entry.path)")
                }
            } catch let error as IndexError {
                throw CLIError(error.description)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a document (by id or path) and all its pages and chunks.")

        @Argument(help: ArgumentHelp("Document id (from `agriqa docs list`) or its path.", valueName: "id-or-path"))
        var document: String

        @OptionGroup var indexOptions: IndexOptions

        func run() throws {
            let index = try indexOptions.openExisting()
            do {
                let removed = try index.removeDocument(document)
                print("Removed \(removed.id ?? 0): \(removed.title) (\(removed.path))")
            } catch {
                throw CLIError(error.description)
            }
        }
    }
}
