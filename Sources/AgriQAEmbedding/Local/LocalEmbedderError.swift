/// Why a local embedding model could not be loaded.
public enum LocalEmbedderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The directory (`missing` empty) or a file the model needs is missing.
    case modelNotFound(directory: String, missing: [String])
    /// The directory has PyTorch `.bin` weights but no `model.safetensors`.
    case needsSafetensors(directory: String)
    /// `1_Pooling/config.json` asks for a pooling this embedder does not implement.
    case unsupportedPooling(path: String, mode: String)
    /// The tokenizer's vocabulary has ids the model has no embedding for.
    case vocabularyMismatch(directory: String, tokenizerSize: Int, modelSize: Int)
    case invalidOption(String)
    case weights(SafetensorsError)
    case tokenizer(TokenizerError)
    case configuration(BertConfigurationError)
    case unreadableFile(path: String, detail: String)

    /// The command that installs the built-in model.
    public static let setupCommand = "scripts/fetch-model.sh"

    public var description: String {
        switch self {
        case let .modelNotFound(directory, missing):
            let what = missing.isEmpty ? " (the folder does not exist)" : " (missing \(missing.joined(separator: ", ")))"
            return "No sentence-embedding model at \(directory)\(what). Run \(Self.setupCommand) to download "
                + "all-MiniLM-L6-v2 into the model cache (AGRIQA_MODEL_DIR, else $XDG_CACHE_HOME/agriqa/models, "
                + "else ~/.cache/agriqa/models), or point the embedder at another BERT-family model directory "
                + "containing config.json, model.safetensors and vocab.txt or tokenizer.json."
        case let .needsSafetensors(directory):
            return "The model at \(directory) has PyTorch .bin weights but no model.safetensors. Download the "
                + "safetensors version of the model (or convert it), or run \(Self.setupCommand) for the built-in model."
        case let .unsupportedPooling(path, mode):
            return "\(path) asks for \(mode) pooling; only mean and CLS pooling are supported. Use a model with "
                + "mean or CLS pooling, or serve this one behind an OpenAI-compatible /v1/embeddings endpoint."
        case let .vocabularyMismatch(directory, tokenizerSize, modelSize):
            return "The tokenizer in \(directory) has \(tokenizerSize) tokens but the model embeds only "
                + "\(modelSize). The vocabulary and the weights come from different models; download the model again."
        case let .invalidOption(detail):
            return "Invalid local embedder option: \(detail)."
        case let .weights(error): return error.description
        case let .tokenizer(error): return error.description
        case let .configuration(error): return error.description
        case let .unreadableFile(path, detail):
            return "Cannot read \(path) (\(detail)). The model directory is damaged: download it again "
                + "(for the built-in model run \(Self.setupCommand))."
        }
    }
}
