import AgriQAEmbedding
import Foundation
import Testing

struct ModelDirectoryTests {
    private func model(pooling: String? = "mean", normalize: Bool = true,
                       extra: [String: String] = [:], name: String = "tiny") throws -> (URL, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let url = directory.url.appending(path: name)
        try TinyBert(seed: 1).write(to: url, pooling: pooling, normalize: normalize)
        for (file, text) in extra { try Data(text.utf8).write(to: url.appending(path: file)) }
        return (url, directory)
    }

    @Test func readsPoolingNormalizationAndMaxTokens() throws {
        let (url, directory) = try model(extra: ["sentence_bert_config.json": #"{"max_seq_length": 16, "do_lower_case": false}"#])
        defer { directory.remove() }
        let model = try ModelDirectory.inspect(url)
        #expect(model.pooling == .mean && model.normalize && model.maxTokens == 16 && !model.lowercasesInput)
        #expect(model.name == "tiny")
    }

    @Test func withoutModulesJSONNormalizesOnlyTheMiniLMFamily() throws {
        let (plain, first) = try model(pooling: nil, name: "BAAI__bge-small-en-v1.5")
        let (miniLM, second) = try model(pooling: nil, name: "sentence-transformers__all-MiniLM-L12-v2")
        defer {
            first.remove()
            second.remove()
        }
        let bge = try ModelDirectory.inspect(plain)
        #expect(bge.name == "bge-small-en-v1.5" && !bge.normalize && bge.pooling == .mean)
        let mini = try ModelDirectory.inspect(miniLM)
        #expect(mini.name == "all-MiniLM-L12-v2" && mini.normalize)
    }

    @Test func maxTokensFallsBackToTokenizerConfigThenPositions() throws {
        let (url, directory) = try model(extra: ["tokenizer_config.json": #"{"model_max_length": 1000000000000000019884624838656}"#])
        defer { directory.remove() }
        #expect(try ModelDirectory.inspect(url).maxTokens == 24)  // the sentinel means "no limit"
        try Data(#"{"model_max_length": 12}"#.utf8).write(to: url.appending(path: "tokenizer_config.json"))
        #expect(try ModelDirectory.inspect(url).maxTokens == 12)
    }

    @Test func unsupportedPoolingIsAClearError() throws {
        let (url, directory) = try model(pooling: "max")
        defer { directory.remove() }
        #expect(throws: LocalEmbedderError.unsupportedPooling(path: url.appending(path: "1_Pooling/config.json").path,
                                                              mode: "max")) {
            try ModelDirectory.inspect(url)
        }
    }

    @Test func newStylePoolingModeString() throws {
        let (url, directory) = try model()
        defer { directory.remove() }
        try Data(#"{"word_embedding_dimension": 8, "pooling_mode": "cls"}"#.utf8)
            .write(to: url.appending(path: "1_Pooling/config.json"))
        #expect(try ModelDirectory.inspect(url).pooling == .cls)
    }
}
