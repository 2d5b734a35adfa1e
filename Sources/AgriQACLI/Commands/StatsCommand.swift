import AgriQAIndex
import ArgumentParser
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show what the index holds: documents, pages, chunks, top regions.")

    @OptionGroup var indexOptions: IndexOptions

    @Option(help: "How many regions to list.")
    var top = 10

    @Flag(help: "Print JSON on standard output.")
    var json = false

    func run() throws {
        let index = try indexOptions.openExisting()
        let stats: IndexStatistics
        do {
            stats = try index.statistics(topRegions: top)
        } catch {
            throw CLIError(error.description)
        }
        if json {
            print(try Terminal.json(stats))
            return
        }
        print(Terminal.bold("Index \(index.path)") + String(format: " (%.1f MB, schema v%d)", Double(stats.fileBytes) / 1_048_576, stats.schemaVersion))
        print("  documents  \(stats.documents) (\(stats.pdfDocuments) PDF, \(stats.recordFiles) record files)")
        print("  pages      \(stats.pages) (\(stats.imageOnlyPages) image-only)")
        print("  chunks     \(stats.chunks) (\(stats.tokens) tokens)")
        print("  vectors    \(stats.vectors) of \(stats.chunks) chunks" + (stats.embedder.map { " (\($0))" } ?? ""))
        print("  regions    \(stats.distinctRegions) distinct")
        if !stats.topRegions.isEmpty {
            print(Terminal.bold("Top regions") + " (chunks, documents)")
            for region in stats.topRegions {
                let name = region.name.map { " \($0)" } ?? ""
                print("  " + region.code.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%6d %4d", region.chunks, region.documents) + " " + name)
            }
        }
    }
}
