import AgriQAEmbedding
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import Foundation

/// The index side of `synth` and `eval answers`: the index, its gazetteer, and hybrid search
/// (BM25 only, with a warning, when the index has no vectors or the embedder cannot load).
struct SynthIndexSetup {
    var index: KnowledgeIndex
    var gazetteer: Gazetteer
    var searcher: HybridSearcher
    var embedder: (any TextEmbedder)?

    static func make(_ indexOptions: IndexOptions, _ gazetteerOptions: GazetteerOptions, _ embedderOptions: EmbedderOptions)
        async throws -> SynthIndexSetup
    {
        let index = try indexOptions.openExisting()
        let gazetteer: Gazetteer
        do {
            gazetteer = try gazetteerOptions.load(remembered: try index.rememberedGazetteers())
        } catch let error as IndexError {
            throw CLIError(error.description)
        }
        var embedder: (any TextEmbedder)?
        if (try? index.vectorCount()) ?? 0 > 0 {
            do {
                embedder = try await embedderOptions.make()
            } catch {
                Terminal.writeError("warning: \(error) — retrieval uses BM25 only.\n")
            }
        }
        return SynthIndexSetup(
            index: index, gazetteer: gazetteer, searcher: HybridSearcher(index: index, embedder: embedder, gazetteer: gazetteer, lexicalPostings: .eager),
            embedder: embedder)
    }

    /// The built-in embedder for similarity measures, or nil (with a note) when it is not installed.
    static func similarityEmbedder(_ embedderOptions: EmbedderOptions) async -> (any TextEmbedder)? {
        do {
            return try await embedderOptions.make()
        } catch {
            Terminal.writeError("note: no embedder (\(error)); embedding-based measures fall back or are left out.\n")
            return nil
        }
    }
}
