import AgriQAEmbedding
import Foundation
import Testing

struct BertConfigurationTests {
    private func load(_ json: String) throws -> BertConfiguration {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(json, to: "config.json")
        return try BertConfiguration.load(from: directory.url.appending(path: "config.json"))
    }

    @Test func readsMiniLMStyleConfig() throws {
        let c = try load("""
            {"model_type":"bert","hidden_size":384,"num_hidden_layers":6,"num_attention_heads":12,
             "intermediate_size":1536,"hidden_act":"gelu","max_position_embeddings":512,"type_vocab_size":2,
             "vocab_size":30522,"layer_norm_eps":1e-12,"position_embedding_type":"absolute"}
            """)
        #expect(c.hiddenSize == 384 && c.layerCount == 6 && c.headCount == 12 && c.headSize == 32)
        #expect(c.intermediateSize == 1536 && c.vocabularySize == 30522 && c.maxPositionEmbeddings == 512)
        #expect(c.activation == .gelu && c.layerNormEpsilon == 1e-12)
    }

    @Test func defaultsOptionalFieldsAndAcceptsTanhGELU() throws {
        let c = try load("""
            {"hidden_size":8,"num_hidden_layers":1,"num_attention_heads":2,"intermediate_size":16,
             "vocab_size":10,"hidden_act":"gelu_new"}
            """)
        #expect(c.modelType == "bert" && c.maxPositionEmbeddings == 512 && c.typeVocabularySize == 2)
        #expect(c.activation == .geluTanh && c.layerNormEpsilon == 1e-12)
    }

    @Test(arguments: [
        #"{"hidden_size":8,"num_hidden_layers":1,"num_attention_heads":3,"intermediate_size":16,"vocab_size":10}"#,
        #"{"hidden_size":8,"num_hidden_layers":1,"num_attention_heads":2,"intermediate_size":16,"vocab_size":10,"hidden_act":"relu"}"#,
        #"{"model_type":"roberta","hidden_size":8,"num_hidden_layers":1,"num_attention_heads":2,"intermediate_size":16,"vocab_size":10}"#,
        #"{"hidden_size":8,"num_hidden_layers":1,"num_attention_heads":2,"intermediate_size":16,"vocab_size":10,"position_embedding_type":"relative_key"}"#,
        #"{"hidden_size":8}"#,
        "not json",
    ])
    func rejectsWhatTheEncoderCannotRun(json: String) throws {
        do {
            _ = try load(json)
            Issue.record("accepted \(json)")
        } catch let error as BertConfigurationError {
            #expect(error.description.contains("config") || error.description.contains("configuration"))
        }
    }
}
