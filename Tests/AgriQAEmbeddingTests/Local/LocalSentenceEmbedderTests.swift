import AgriQAEmbedding
import Foundation
import Testing

struct LocalSentenceEmbedderTests {
    @Test func missingModelNamesTheSetupCommand() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let nowhere = directory.url.appending(path: "all-MiniLM-L6-v2")
        #expect(throws: LocalEmbedderError.modelNotFound(directory: nowhere.path, missing: [])) {
            try LocalSentenceEmbedder(modelDirectory: nowhere)
        }
        do {
            _ = try LocalSentenceEmbedder(modelDirectory: nowhere)
        } catch {
            #expect(error.description.contains("scripts/fetch-model.sh"))
            #expect(error.description.contains(nowhere.path))
        }
    }

    @Test func missingWeightsAreListed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(#"{"hidden_size": 8}"#, to: "config.json")
        do {
            _ = try LocalSentenceEmbedder(modelDirectory: directory.url)
            Issue.record("loaded a model without weights")
        } catch {
            #expect(error == .modelNotFound(directory: directory.url.path,
                                            missing: ["model.safetensors", "vocab.txt or tokenizer.json"]))
            #expect(error.description.contains("scripts/fetch-model.sh"))
        }
        try directory.write("", to: "pytorch_model.bin")
        try directory.write("[PAD]\n", to: "vocab.txt")
        #expect(throws: LocalEmbedderError.needsSafetensors(directory: directory.url.path)) {
            try LocalSentenceEmbedder(modelDirectory: directory.url)
        }
    }

    @Test func damagedWeightsSayToDownloadAgain() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appending(path: "tiny")
        try TinyBert(seed: 2).write(to: url)
        let weights = url.appending(path: "model.safetensors")
        let bytes = try Data(contentsOf: weights)
        try bytes.prefix(bytes.count - 100).write(to: weights)
        do {
            _ = try LocalSentenceEmbedder(modelDirectory: url)
            Issue.record("loaded truncated weights")
        } catch {
            guard case .weights(.tensorOutOfBounds) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(error.description.contains("scripts/fetch-model.sh"))
        }
    }

    @Test func defaultDirectoryFollowsTheCacheRule() {
        let path = { (environment: [String: String]) in
            LocalSentenceEmbedder.defaultModelDirectory(environment: environment).standardizedFileURL.path
        }
        #expect(path(["AGRIQA_MODEL_DIR": "/models", "XDG_CACHE_HOME": "/xdg", "HOME": "/home/u"])
            == "/models/all-MiniLM-L6-v2")
        #expect(path(["XDG_CACHE_HOME": "/xdg", "HOME": "/home/u"]) == "/xdg/agriqa/models/all-MiniLM-L6-v2")
        #expect(path(["AGRIQA_MODEL_DIR": "", "XDG_CACHE_HOME": "", "HOME": "/home/u"])
            == "/home/u/.cache/agriqa/models/all-MiniLM-L6-v2")
    }

    @Test func threadCountComesFromTheEnvironment() {
        #expect(LocalSentenceEmbedder.defaultThreadCount(environment: ["AGRIQA_EMBEDDING_THREADS": "3"]) == 3)
        #expect(LocalSentenceEmbedder.defaultThreadCount(environment: ["OPENBLAS_NUM_THREADS": "1"]) == 1)
        #expect(LocalSentenceEmbedder.defaultThreadCount(environment: ["OPENBLAS_NUM_THREADS": "zero"])
            == ProcessInfo.processInfo.activeProcessorCount)
    }

    @Test func invalidOptionsAreRejected() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: LocalEmbedderError.self) {
            try LocalSentenceEmbedder(modelDirectory: directory.url, options: .init(batchSize: 0))
        }
    }
}

/// The real all-MiniLM-L6-v2, when installed.
@Suite(.enabled(if: InstalledModel.isAvailable, Comment(rawValue: InstalledModel.skipMessage)))
struct InstalledModelTests {
    @Test func descriptorIdentifiesTheModel() throws {
        let embedder = try InstalledModel.embedder.get()
        #expect(embedder.descriptor == EmbedderDescriptor(id: "local:all-MiniLM-L6-v2", dimension: 384, maxTokens: 256))
        #expect(embedder.model.pooling == .mean && embedder.model.normalize)
    }

    @Test func mixedLengthBatchEqualsOneByOneInInputOrder() async throws {
        let embedder = try InstalledModel.embedder.get()
        let fixture = try ReferenceFixture.load()
        // Long, short, empty and medium texts interleaved, so sorting by length reorders them.
        let texts = [fixture.cases[22].text, "maize", "", fixture.cases[4].text, "Apply 120 kg N/ha at V6",
                     fixture.cases[11].text, fixture.cases[22].text + " extra"]
        let together = try await embedder.embed(texts)
        #expect(together.count == texts.count)
        for (text, vector) in zip(texts, together) {
            let alone = try await embedder.embed([text])
            #expect(cosine(vector, alone[0]) > 0.99999, "\(text.prefix(30))")
            let difference = zip(vector, alone[0]).map { abs($0 - $1) }.max() ?? 1
            #expect(difference < 1e-5, "\(text.prefix(30)): \(difference)")
        }
        #expect(try await embedder.embed([]) == [])
    }

    @Test func concurrentCallsGiveTheSameVectors() async throws {
        let embedder = try InstalledModel.embedder.get()
        let texts = ["Fall armyworm in maize", "Irrigation scheduling for rice", "Soil pH and liming", ""]
        let expected = try await embedder.embed(texts)
        try await withThrowingTaskGroup(of: [[Float]].self) { group in
            for _ in 0..<4 { group.addTask { try await embedder.embed(texts) } }
            for try await result in group {
                for (a, b) in zip(result, expected) { #expect(cosine(a, b) > 0.99999) }
            }
        }
    }

    @Test func vectorsAreUnitLength() async throws {
        let embedder = try InstalledModel.embedder.get()
        for vector in try await embedder.embed(["Sorghum yields in Mali", ""]) {
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-5)
        }
    }

    @Test func similarQuestionsAreCloserThanUnrelatedOnes() async throws {
        let embedder = try InstalledModel.embedder.get()
        let v = try await embedder.embed(["When should I plant maize?", "What is the best sowing date for corn?",
                                          "How do I vaccinate chickens against Newcastle disease?"])
        #expect(cosine(v[0], v[1]) > cosine(v[0], v[2]) + 0.2)
    }
}
