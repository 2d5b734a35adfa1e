import Foundation

/// What a sentence-transformers / Hugging Face model directory says about how to run it.
///
/// Rules:
/// - weights: `model.safetensors` (required); architecture: `config.json` (required);
///   vocabulary: `vocab.txt` or `tokenizer.json`.
/// - pooling: the `Pooling` module's folder from `modules.json` (else `1_Pooling`), its
///   `config.json` selecting mean or CLS; mean when there is no pooling config.
/// - normalization: when `modules.json` lists a `Normalize` module; without `modules.json`,
///   for the all-MiniLM family (which is trained for cosine similarity).
/// - maximum tokens: `sentence_bert_config.json`'s `max_seq_length`, else the tokenizer's
///   `model_max_length`, else `max_position_embeddings`; never more than the latter.
public struct ModelDirectory: Sendable, Equatable {
    public var url: URL
    /// The model's name: the folder name, without an `organisation__` prefix.
    public var name: String
    public var configuration: BertConfiguration
    public var pooling: PoolingStrategy
    public var normalize: Bool
    public var maxTokens: Int
    /// sentence-transformers' own `do_lower_case`: lower-case the text before tokenizing.
    public var lowercasesInput: Bool

    public var weightsURL: URL { url.appending(path: "model.safetensors") }

    /// The files every loadable model directory has.
    public static let requiredFiles = ["config.json", "model.safetensors"]

    /// Reads the directory's small configuration files; does not open the weights.
    public static func inspect(_ url: URL) throws(LocalEmbedderError) -> ModelDirectory {
        let fileManager = FileManager.default
        func exists(_ name: String) -> Bool { fileManager.fileExists(atPath: url.appending(path: name).path) }
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .modelNotFound(directory: url.path, missing: [])
        }
        var missing = requiredFiles.filter { !exists($0) }
        if !exists("vocab.txt"), !exists("tokenizer.json") { missing.append("vocab.txt or tokenizer.json") }
        if missing == ["model.safetensors"], exists("pytorch_model.bin") {
            throw .needsSafetensors(directory: url.path)
        }
        guard missing.isEmpty else { throw .modelNotFound(directory: url.path, missing: missing) }

        let configuration: BertConfiguration
        do { configuration = try BertConfiguration.load(from: url.appending(path: "config.json")) } catch {
            throw .configuration(error)
        }
        let modules = try decodeIfPresent([ModuleEntry].self, url.appending(path: "modules.json"))
        let name = Self.modelName(of: url)

        let poolingFolder = modules?.first { $0.type.hasSuffix("Pooling") }?.path ?? "1_Pooling"
        let poolingURL = url.appending(path: poolingFolder).appending(path: "config.json")
        let pooling = try decodeIfPresent(PoolingConfig.self, poolingURL)?.strategy(path: poolingURL.path) ?? .mean

        let normalize = modules.map { $0.contains { $0.type.hasSuffix("Normalize") } }
            ?? name.lowercased().hasPrefix("all-minilm")

        let sentenceConfig = try decodeIfPresent(SentenceBertConfig.self, url.appending(path: "sentence_bert_config.json"))
        let tokenizerConfig = try decodeIfPresent(TokenizerLimits.self, url.appending(path: "tokenizer_config.json"))
        let positions = configuration.maxPositionEmbeddings
        let declared = sentenceConfig?.maxSeqLength
            ?? tokenizerConfig?.modelMaxLength.flatMap { $0 > 0 && $0 <= positions ? $0 : nil }
            ?? positions
        return ModelDirectory(
            url: url, name: name, configuration: configuration, pooling: pooling, normalize: normalize,
            maxTokens: min(max(2, declared), positions), lowercasesInput: sentenceConfig?.doLowerCase ?? false)
    }

    /// The folder name, without the `organisation__` prefix sentence-transformers' cache adds
    /// (`sentence-transformers__all-MiniLM-L6-v2` → `all-MiniLM-L6-v2`).
    static func modelName(of url: URL) -> String {
        let folder = url.standardizedFileURL.lastPathComponent
        if let range = folder.range(of: "__", options: .backwards), range.upperBound < folder.endIndex {
            return String(folder[range.upperBound...])
        }
        return folder
    }

    private static func decodeIfPresent<T: Decodable>(_ type: T.Type, _ url: URL) throws(LocalEmbedderError) -> T? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch let error as LocalEmbedderError {
            throw error
        } catch {
            throw .unreadableFile(path: url.path, detail: "\(error)")
        }
    }
}

// MARK: - sentence-transformers files

private struct ModuleEntry: Decodable {
    var path: String
    var type: String
}

private struct PoolingConfig: Decodable {
    var poolingModeClsToken: Bool?
    var poolingModeMeanTokens: Bool?
    var poolingModeMaxTokens: Bool?
    var poolingModeMeanSqrtLenTokens: Bool?
    var poolingModeWeightedmeanTokens: Bool?
    var poolingModeLasttoken: Bool?
    /// Newer sentence-transformers write the mode as one string.
    var poolingMode: String?

    enum CodingKeys: String, CodingKey {
        case poolingModeClsToken = "pooling_mode_cls_token"
        case poolingModeMeanTokens = "pooling_mode_mean_tokens"
        case poolingModeMaxTokens = "pooling_mode_max_tokens"
        case poolingModeMeanSqrtLenTokens = "pooling_mode_mean_sqrt_len_tokens"
        case poolingModeWeightedmeanTokens = "pooling_mode_weightedmean_tokens"
        case poolingModeLasttoken = "pooling_mode_lasttoken"
        case poolingMode = "pooling_mode"
    }

    func strategy(path: String) throws(LocalEmbedderError) -> PoolingStrategy {
        if let mode = poolingMode {
            switch mode {
            case "mean", "mean_tokens": return .mean
            case "cls", "cls_token": return .cls
            default: throw .unsupportedPooling(path: path, mode: mode)
            }
        }
        let others = [("max", poolingModeMaxTokens), ("mean_sqrt_len", poolingModeMeanSqrtLenTokens),
                      ("weighted mean", poolingModeWeightedmeanTokens), ("last token", poolingModeLasttoken)]
        if let other = others.first(where: { $0.1 == true }) {
            throw .unsupportedPooling(path: path, mode: other.0)
        }
        switch (poolingModeClsToken ?? false, poolingModeMeanTokens ?? false) {
        case (true, true): throw .unsupportedPooling(path: path, mode: "concatenated CLS + mean")
        case (true, false): return .cls
        default: return .mean
        }
    }
}

private struct SentenceBertConfig: Decodable {
    var maxSeqLength: Int?
    var doLowerCase: Bool?

    enum CodingKeys: String, CodingKey {
        case maxSeqLength = "max_seq_length"
        case doLowerCase = "do_lower_case"
    }
}

private struct TokenizerLimits: Decodable {
    var modelMaxLength: Int?

    enum CodingKeys: String, CodingKey { case modelMaxLength = "model_max_length" }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Often a huge float sentinel (1e30) meaning "no limit".
        if let value = try? container.decodeIfPresent(Double.self, forKey: .modelMaxLength),
           value > 0, value < 1_000_000 {
            modelMaxLength = Int(value)
        }
    }
}
