import AgriQADomain
import AgriQAEmbedding
import AgriQAExam
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import Foundation

/// What `exam run` needs from the index side: the gazetteer, the asker's location, and the
/// retriever (nil when the run needs no index: the model solver with --rag off).
struct ExamSetup {
    var gazetteer: Gazetteer?
    var location: Region?
    var retriever: ExamRetriever?
    var indexPath: String?

    static func make(
        needsIndex: Bool, indexOptions: IndexOptions, gazetteerOptions: GazetteerOptions, embedderOptions: EmbedderOptions,
        sources: Int, location: String?
    ) async throws -> ExamSetup {
        guard needsIndex else {
            var setup = ExamSetup()
            if let location {
                let gazetteer = try gazetteerOptions.load()
                setup.gazetteer = gazetteer
                setup.location = try resolve(location, gazetteer)
            }
            return setup
        }
        let index = try indexOptions.openExisting()
        let gazetteer: Gazetteer
        do {
            gazetteer = try gazetteerOptions.load(remembered: try index.rememberedGazetteers())
        } catch let error as IndexError {
            throw CLIError(error.description)
        }
        let region = try location.map { try resolve($0, gazetteer) }
        var embedder: (any TextEmbedder)?
        if (try? index.vectorCount()) ?? 0 > 0 {
            do {
                embedder = try await embedderOptions.make()
            } catch {
                Terminal.writeError("warning: \(error) — retrieval uses BM25 only.\n")
            }
        }
        let searcher = HybridSearcher(index: index, embedder: embedder, gazetteer: gazetteer, lexicalPostings: .eager)
        let retriever = ExamRetriever(searcher: searcher, options: SearchOptions(k: sources))
        return ExamSetup(
            gazetteer: gazetteer, location: region, retriever: retriever,
            indexPath: URL(fileURLWithPath: indexOptions.path).standardizedFileURL.path)
    }

    private static func resolve(_ location: String, _ gazetteer: Gazetteer) throws -> Region {
        do {
            return try gazetteer.resolveLocation(location)
        } catch {
            throw CLIError(error.description)
        }
    }
}
