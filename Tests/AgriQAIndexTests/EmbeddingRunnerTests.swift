import AgriQADomain
import AgriQAEmbedding
import AgriQAGeography
import AgriQAIngestion
import Foundation
import GRDB
import Testing

@testable import AgriQAIndex

let builtInModelInstalled = FileManager.default.fileExists(
    atPath: LocalSentenceEmbedder.defaultModelDirectory().appendingPathComponent("model.safetensors").path)

/// Vectors from the real built-in embedder (skipped when its weights are not installed:
/// scripts/test.sh installs them with scripts/fetch-model.sh).
@Suite(.serialized, .enabled(if: builtInModelInstalled)) struct EmbeddingRunnerTests {
    private func indexWithChunks(_ texts: [String]) throws -> (URL, KnowledgeIndex) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-vectors-\(UUID().uuidString)")
        let index = try KnowledgeIndex(path: directory.appendingPathComponent("index.sqlite").path)
        let chunks = texts.enumerated().map { ordinal, text in
            PreparedChunk(
                draft: ChunkDraft(ordinal: ordinal, text: text, sectionPath: ["Guide"], pageStart: 1, pageEnd: 1, tokenCount: 10),
                regions: [])
        }
        let document = PreparedDocument(
            path: "/docs/guide.pdf", contentHash: "h", byteSize: 1, kind: .pdf, title: "Guide", metadata: DocumentMetadata(),
            pages: [CleanedPage(number: 1, label: nil, text: texts.joined(separator: " "), needsOCR: false)],
            chunks: chunks, regions: [], warnings: [])
        try index.write(document, gazetteer: Gazetteer())
        return (directory, index)
    }

    @Test func embedsEveryChunkOnceStoresFloat32AndResumes() async throws {
        let texts = (0..<10).map { "Sorghum field \($0): irrigate every \($0 + 5) days during flowering." }
        let (directory, index) = try indexWithChunks(texts)
        defer { try? FileManager.default.removeItem(at: directory) }
        let embedder = try LocalSentenceEmbedder()

        let first = try await EmbeddingRunner(index: index, embedder: embedder, batchSize: 4).run()
        #expect(first.embedded == 10)
        #expect(try index.vectorCount() == 10)
        #expect(try index.embedder() == embedder.descriptor)
        // Stored vectors are what the embedder returns for the chunk's section + text (up to the
        // rounding differences of batched versus single matrix products).
        let chunk = try #require(try index.chunks(ofDocument: 1).first)
        let stored = try #require(try index.vector(ofChunk: chunk.id ?? 0))
        let direct = try await embedder.embed(["Guide\n" + chunk.text])[0]
        #expect(stored.count == direct.count)
        let cosine = zip(stored, direct).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        #expect(cosine > 0.9999)
        // Nothing left to do: a second run embeds nothing.
        let second = try await EmbeddingRunner(index: index, embedder: embedder).run()
        #expect(second.embedded == 0)
        // Losing some vectors (an interrupted run) is repaired by the next run.
        try await index.pool.write { try $0.execute(sql: "DELETE FROM chunkVectors WHERE chunkId > 7") }
        let repaired = try await EmbeddingRunner(index: index, embedder: embedder).run()
        #expect(repaired.embedded == 3)
    }

    @Test func refusesToMixEmbeddersUntilRebuilt() async throws {
        let (directory, index) = try indexWithChunks(["Plant maize after the long rains begin."])
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await EmbeddingRunner(index: index, embedder: try LocalSentenceEmbedder()).run()
        let other = try LocalSentenceEmbedder(options: .init(modelName: "renamed-model"))
        await #expect {
            try await EmbeddingRunner(index: index, embedder: other).run()
        } throws: { error in
            guard let error = error as? IndexError, case .embedderMismatch = error else { return false }
            return error.description.contains("agriqa embed --rebuild")
        }
        let rebuilt = try await EmbeddingRunner(index: index, embedder: other).run(rebuild: true)
        #expect(rebuilt.embedded == 1)
        #expect(try index.embedder()?.id == "local:renamed-model")
    }
}

@Suite struct VectorEncodingTests {
    @Test func vectorEncodingRoundTrips() {
        let vector: [Float] = [0, -1.5, .pi, 1e-8, -.greatestFiniteMagnitude]
        let data = VectorEncoding.encode(vector)
        #expect(data.count == 20)
        #expect(data.prefix(4) == Data([0, 0, 0, 0]))
        #expect(VectorEncoding.decode(data, dimension: 5) == vector)
        #expect(VectorEncoding.decode(data, dimension: 4) == nil)
    }
}
