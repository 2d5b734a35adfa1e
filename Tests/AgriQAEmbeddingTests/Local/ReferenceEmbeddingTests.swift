import AgriQAEmbedding
import Foundation
import Testing

/// The built-in model against sentence-transformers' own output for the same sentences.
@Suite(.enabled(if: InstalledModel.isAvailable, Comment(rawValue: InstalledModel.skipMessage)))
struct ReferenceEmbeddingTests {
    @Test func tokenIDsEqualTheReferenceTokenizer() throws {
        let fixture = try ReferenceFixture.load()
        let embedder = try InstalledModel.embedder.get()
        #expect(embedder.descriptor.maxTokens == fixture.maxTokens)
        for reference in fixture.cases {
            #expect(embedder.tokenIDs(reference.text) == reference.ids, "\(reference.text.debugDescription)")
        }
    }

    @Test func embeddingsMatchTheReferenceImplementation() async throws {
        let fixture = try ReferenceFixture.load()
        let embedder = try InstalledModel.embedder.get()
        let vectors = try await embedder.embed(fixture.cases.map(\.text))
        #expect(vectors.count == fixture.cases.count)
        for (reference, vector) in zip(fixture.cases, vectors) {
            #expect(vector.count == 384)
            let similarity = cosine(vector, reference.vector)
            #expect(similarity >= 0.999, "cosine \(similarity) for \(reference.text.debugDescription)")
            let largest = zip(vector, reference.vector).map { abs($0 - $1) }.max() ?? 1
            #expect(largest < 1e-4, "largest difference \(largest) for \(reference.text.debugDescription)")
        }
    }
}
