import Foundation

/// The architecture of a BERT encoder, read from a Hugging Face `config.json`.
public struct BertConfiguration: Sendable, Equatable, Decodable {
    /// The feed-forward activation.
    public enum Activation: String, Sendable, Equatable {
        /// Exact GELU, `x·Φ(x)` with the error function (`"gelu"`).
        case gelu
        /// The tanh approximation (`"gelu_new"`, `"gelu_pytorch_tanh"`).
        case geluTanh
    }

    public var modelType: String
    public var vocabularySize: Int
    public var hiddenSize: Int
    public var layerCount: Int
    public var headCount: Int
    public var intermediateSize: Int
    public var activation: Activation
    public var maxPositionEmbeddings: Int
    public var typeVocabularySize: Int
    public var layerNormEpsilon: Float

    public var headSize: Int { hiddenSize / headCount }

    public init(
        modelType: String = "bert", vocabularySize: Int, hiddenSize: Int, layerCount: Int, headCount: Int,
        intermediateSize: Int, activation: Activation = .gelu, maxPositionEmbeddings: Int = 512,
        typeVocabularySize: Int = 2, layerNormEpsilon: Float = 1e-12
    ) {
        self.modelType = modelType
        self.vocabularySize = vocabularySize
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.activation = activation
        self.maxPositionEmbeddings = maxPositionEmbeddings
        self.typeVocabularySize = typeVocabularySize
        self.layerNormEpsilon = layerNormEpsilon
    }

    enum CodingKeys: String, CodingKey {
        case modelType = "model_type"
        case vocabularySize = "vocab_size"
        case hiddenSize = "hidden_size"
        case layerCount = "num_hidden_layers"
        case headCount = "num_attention_heads"
        case intermediateSize = "intermediate_size"
        case activation = "hidden_act"
        case maxPositionEmbeddings = "max_position_embeddings"
        case typeVocabularySize = "type_vocab_size"
        case layerNormEpsilon = "layer_norm_eps"
        case positionEmbeddingType = "position_embedding_type"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        modelType = try container.decodeIfPresent(String.self, forKey: .modelType) ?? "bert"
        vocabularySize = try container.decode(Int.self, forKey: .vocabularySize)
        hiddenSize = try container.decode(Int.self, forKey: .hiddenSize)
        layerCount = try container.decode(Int.self, forKey: .layerCount)
        headCount = try container.decode(Int.self, forKey: .headCount)
        intermediateSize = try container.decode(Int.self, forKey: .intermediateSize)
        maxPositionEmbeddings = try container.decodeIfPresent(Int.self, forKey: .maxPositionEmbeddings) ?? 512
        typeVocabularySize = try container.decodeIfPresent(Int.self, forKey: .typeVocabularySize) ?? 2
        layerNormEpsilon = Float(try container.decodeIfPresent(Double.self, forKey: .layerNormEpsilon) ?? 1e-12)
        let act = try container.decodeIfPresent(String.self, forKey: .activation) ?? "gelu"
        switch act {
        case "gelu": activation = .gelu
        case "gelu_new", "gelu_pytorch_tanh", "gelu_fast": activation = .geluTanh
        default:
            throw BertConfigurationError.unsupported("hidden_act \"\(act)\" (supported: gelu, gelu_new, gelu_pytorch_tanh)")
        }
        let positions = try container.decodeIfPresent(String.self, forKey: .positionEmbeddingType) ?? "absolute"
        guard positions == "absolute" else {
            throw BertConfigurationError.unsupported("position_embedding_type \"\(positions)\" (supported: absolute)")
        }
        try validate()
    }

    /// Reads and validates `config.json`.
    public static func load(from url: URL) throws(BertConfigurationError) -> BertConfiguration {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(path: url.path, detail: error.localizedDescription)
        }
        do {
            return try JSONDecoder().decode(BertConfiguration.self, from: data)
        } catch let error as BertConfigurationError {
            throw error.at(url.path)
        } catch {
            throw .unreadable(path: url.path, detail: "\(error)")
        }
    }

    func validate() throws(BertConfigurationError) {
        guard modelType == "bert" else {
            throw .unsupported("model_type \"\(modelType)\" (only BERT-architecture models run locally)")
        }
        for (name, value) in [("vocab_size", vocabularySize), ("hidden_size", hiddenSize),
                              ("num_hidden_layers", layerCount), ("num_attention_heads", headCount),
                              ("intermediate_size", intermediateSize),
                              ("max_position_embeddings", maxPositionEmbeddings),
                              ("type_vocab_size", typeVocabularySize)]
        where value <= 0 || value > 1 << 20 {
            throw .unsupported("\(name) = \(value)")
        }
        guard hiddenSize % headCount == 0 else {
            throw .unsupported("hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(headCount)")
        }
        guard layerNormEpsilon.isFinite, layerNormEpsilon >= 0 else {
            throw .unsupported("layer_norm_eps = \(layerNormEpsilon)")
        }
    }
}

/// Why `config.json` cannot be used.
public enum BertConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, detail: String)
    case unsupported(String)
    case unsupportedAt(path: String, detail: String)

    func at(_ path: String) -> BertConfigurationError {
        if case let .unsupported(detail) = self { return .unsupportedAt(path: path, detail: detail) }
        return self
    }

    public var description: String {
        switch self {
        case let .unreadable(path, detail):
            return "Cannot read model configuration \(path) (\(detail)). The model directory is incomplete: "
                + "download it again (for the built-in model run scripts/fetch-model.sh)."
        case let .unsupported(detail):
            return "Unsupported model configuration: \(detail). Only BERT-architecture encoders run locally; "
                + "serve other models behind an OpenAI-compatible /v1/embeddings endpoint."
        case let .unsupportedAt(path, detail):
            return "Unsupported model configuration in \(path): \(detail). Only BERT-architecture encoders run "
                + "locally; serve other models behind an OpenAI-compatible /v1/embeddings endpoint."
        }
    }
}
