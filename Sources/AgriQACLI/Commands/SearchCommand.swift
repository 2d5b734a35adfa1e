import AgriQADomain
import AgriQAEmbedding
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import ArgumentParser
import Foundation

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index: hybrid BM25 + embeddings, ranked by the asker's location.",
        discussion: """
            Any text is a safe question: words are extracted and quoted, so FTS operators, quotes or '*' never \
            reach the full-text engine. --location takes a region code (US-WA, IN-TN), a name ("Pierce County, \
            Washington", "Tamil Nadu") or "lat,lon" (with a gazetteer that has centroids); gazetteers given to \
            `agriqa ingest` are remembered by the index. Results from the asker's region come first, then places \
            inside it, then its parents (national guidance), then general material; other regions are down-ranked \
            and every result says how its region relates (same, child, parent, none, other).
            """)

    @Argument(help: "The question.")
    var question: String

    @Option(help: ArgumentHelp("The asker's location: region code, place name, or lat,lon.", valueName: "location"))
    var location: String?

    @Option(name: .customLong("k"), help: "Number of results.")
    var k = 8

    @Option(help: "hybrid, bm25 or dense.")
    var mode: SearchMode = .hybrid

    @Option(help: "At most this many results from one document.")
    var perDocument = 2

    @OptionGroup var fusionOptions: FusionOptions

    @Flag(help: "Shortlist with an int8 scan of the vectors (a quarter of the bytes), then rescore exactly in float32.")
    var int8 = false

    @Flag(help: "Print JSON on standard output.")
    var json = false

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var embedderOptions: EmbedderOptions

    func validate() throws {
        guard k >= 1, k <= 100 else { throw ValidationError("--k must be between 1 and 100") }
        guard perDocument >= 1 else { throw ValidationError("--per-document must be at least 1") }
    }

    func run() async throws {
        let index = try indexOptions.openExisting()
        let gazetteer: Gazetteer
        do {
            gazetteer = try gazetteerOptions.load(remembered: try index.rememberedGazetteers())
        } catch let error as IndexError {
            throw CLIError(error.description)
        }
        var region: Region?
        if let location {
            do {
                region = try gazetteer.resolveLocation(location)
            } catch {
                throw CLIError(error.description)
            }
        }
        var embedder: (any TextEmbedder)?
        if mode != .bm25, (try? index.vectorCount()) ?? 0 > 0 {
            do {
                embedder = try await embedderOptions.make()
            } catch {
                Terminal.writeError("warning: \(error) — searching with BM25 only.\n")
            }
        }
        let searcher = HybridSearcher(index: index, embedder: embedder, gazetteer: gazetteer)
        let response: SearchResponse
        do {
            response = try await searcher.search(
                question, location: region, options: SearchOptions(
                    k: k, mode: mode, rrfK: fusionOptions.rrfK, lexicalWeight: fusionOptions.lexicalWeight,
                    denseWeight: fusionOptions.denseWeight,
                    perDocument: perDocument, quantized: int8))
        } catch let error as IndexError {
            throw CLIError(error.description)
        }
        if json {
            print(try Terminal.json(response))
        } else {
            print(Self.render(response))
        }
    }

    static func render(_ response: SearchResponse) -> String {
        var lines: [String] = []
        let place = response.location.map { " for \($0.name) (\($0.code))" } ?? ""
        lines.append(Terminal.bold("\(response.hits.count) results\(place), \(response.mode.rawValue)"))
        for notice in response.notices { lines.append("! " + notice) }
        for hit in response.hits {
            let pages: String
            if let start = hit.pageStart {
                let label = hit.pageLabel.map { $0 == String(start) ? "" : " (printed \($0))" } ?? ""
                pages = (hit.pageEnd.map { $0 != start ? "pp. \(start)–\($0)" : "p. \(start)" } ?? "p. \(start)") + label
            } else {
                pages = "record"
            }
            lines.append("")
            lines.append(Terminal.bold("\(hit.rank). \(hit.title)") + " — \(pages)")
            if !hit.section.isEmpty { lines.append("   § \(hit.section)") }
            lines.append("   " + Terminal.highlight(hit.snippet, terms: hit.matchedTerms))
            let regions = hit.regions.prefix(3).joined(separator: ", ")
            let scores = hit.scores
            lines.append(
                "   regions: \(regions.isEmpty ? "none" : regions) [\(hit.relation.rawValue)]  "
                    + "bm25 #\(scores.bm25Rank.map(String.init) ?? "-") dense #\(scores.denseRank.map(String.init) ?? "-") "
                    + String(format: "geo ×%.1f score %.4f", scores.geographyFactor, scores.fused))
        }
        return lines.joined(separator: "\n")
    }
}

extension SearchMode: ExpressibleByArgument {}
