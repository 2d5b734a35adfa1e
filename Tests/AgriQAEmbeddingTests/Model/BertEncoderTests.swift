import AgriQAEmbedding
import Foundation
import Testing

/// The packed, BLAS-based forward pass against a plain Double implementation on a padded,
/// masked batch, on a tiny random BERT.
struct BertEncoderTests {
    static let texts = ["apply n", "", "maize plants at dry soil .", "the rice water", "planting maize kg / ha",
                        "apply water at the dry soil , plant maize and rice at 20 kg n / ha ."]

    private func embedder(_ tiny: TinyBert, weightType: TinyBert.WeightType = .f32, pooling: String? = "mean",
                          normalize: Bool = true, namePrefix: String = "", threads: Int? = nil,
                          batchSize: Int = 32) throws -> (LocalSentenceEmbedder, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let model = directory.url.appending(path: "tiny-bert")
        try tiny.write(to: model, weightType: weightType, pooling: pooling, normalize: normalize, namePrefix: namePrefix)
        return (try LocalSentenceEmbedder(modelDirectory: model,
                                          options: .init(batchSize: batchSize, threads: threads)), directory)
    }

    private func expectClose(_ actual: [[Float]], _ expected: [[Float]], tolerance: Float = 2e-5,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            let difference = zip(a, e).map { abs($0 - $1) }.max() ?? .infinity
            #expect(a.count == e.count && difference <= tolerance, "max difference \(difference)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [1, 2, 3])
    func meanPoolingMatchesThePaddedMaskedReference(threads: Int) async throws {
        let tiny = TinyBert(seed: 7)
        let (embedder, directory) = try embedder(tiny, threads: threads)
        defer { directory.remove() }
        #expect(embedder.descriptor == EmbedderDescriptor(id: "local:tiny-bert", dimension: 8, maxTokens: 24))
        let ids = Self.texts.map(embedder.tokenIDs)
        #expect(ids[0] == [2, 14, 9, 3])
        let vectors = try await embedder.embed(Self.texts)
        expectClose(vectors, tiny.referenceEmbeddings(ids, pooling: "mean", normalize: true))
    }

    @Test func clsPoolingWithoutNormalization() async throws {
        let tiny = TinyBert(seed: 11)
        let (embedder, directory) = try embedder(tiny, pooling: "cls", normalize: false)
        defer { directory.remove() }
        #expect(embedder.model.pooling == .cls && !embedder.model.normalize)
        let vectors = try await embedder.embed(Self.texts)
        expectClose(vectors, tiny.referenceEmbeddings(Self.texts.map(embedder.tokenIDs), pooling: "cls", normalize: false))
    }

    @Test(arguments: [TinyBert.WeightType.f16, .bf16])
    func halfPrecisionWeightsGiveTheSameVectors(type: TinyBert.WeightType) async throws {
        let tiny = TinyBert(seed: 3)
        let (full, fullDirectory) = try embedder(tiny)
        let (half, halfDirectory) = try embedder(tiny, weightType: type, namePrefix: "bert.")
        defer {
            fullDirectory.remove()
            halfDirectory.remove()
        }
        let expected = try await full.embed(Self.texts)
        let actual = try await half.embed(Self.texts)
        expectClose(actual, expected, tolerance: 1e-6)
    }

    @Test func batchesOfAnySizeGiveTheSameVectorsInInputOrder() async throws {
        let tiny = TinyBert(seed: 5)
        let (batched, directory) = try embedder(tiny, batchSize: 4)
        defer { directory.remove() }
        let texts = (0..<11).map { Self.texts[$0 % Self.texts.count] + String(repeating: " rice", count: $0 % 4) }
        let together = try await batched.embed(texts)
        var oneByOne: [[Float]] = []
        for text in texts { oneByOne += try await batched.embed([text]) }
        expectClose(together, oneByOne, tolerance: 1e-6)
    }

    @Test func truncatesToThePositionLimit() async throws {
        let tiny = TinyBert(seed: 9)
        let (embedder, directory) = try embedder(tiny)
        defer { directory.remove() }
        let long = Array(repeating: "maize", count: 100).joined(separator: " ")
        #expect(embedder.tokenIDs(long).count == 24)
        let vectors = try await embedder.embed([long])
        expectClose(vectors, tiny.referenceEmbeddings([embedder.tokenIDs(long)], pooling: "mean", normalize: true))
    }
}
