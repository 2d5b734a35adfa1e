import Foundation

extension WordPieceTokenizer {
    /// Builds the tokenizer of a Hugging Face model directory.
    ///
    /// - The vocabulary comes from `vocab.txt` (one token per line, id = line number), or else
    ///   from the WordPiece model in `tokenizer.json`.
    /// - Normalization flags (lower-casing, accent stripping, CJK splitting, cleaning) come from
    ///   `tokenizer.json`'s `BertNormalizer` when present (that is what the fast tokenizer runs),
    ///   else from `tokenizer_config.json` (`do_lower_case`, `strip_accents`,
    ///   `tokenize_chinese_chars`), else BERT's defaults (uncased).
    /// - Special token names come from `tokenizer_config.json`; the tokens matched literally in
    ///   text are `tokenizer.json`'s special added tokens.
    public static func load(directory: URL, maxLength: Int) throws(TokenizerError) -> WordPieceTokenizer {
        let tokenizerJSON = try decodeIfPresent(TokenizerJSON.self, at: directory.appending(path: "tokenizer.json"))
        let config = try decodeIfPresent(TokenizerConfigJSON.self, at: directory.appending(path: "tokenizer_config.json"))
        if let type = tokenizerJSON?.model?.type, type != "WordPiece" {
            throw .unsupportedModel(path: directory.appending(path: "tokenizer.json").path, type: type)
        }

        let vocabularyURL = directory.appending(path: "vocab.txt")
        let vocabulary: [String]
        if FileManager.default.fileExists(atPath: vocabularyURL.path) {
            vocabulary = try readVocabularyFile(vocabularyURL)
        } else if let map = tokenizerJSON?.model?.vocab, !map.isEmpty {
            guard let largest = map.values.max(), largest < 10_000_000, map.values.allSatisfy({ $0 >= 0 }) else {
                throw .unreadableFile(path: directory.appending(path: "tokenizer.json").path,
                                      detail: "vocabulary ids must be between 0 and 10,000,000")
            }
            var list = [String](repeating: "", count: largest + 1)
            for (token, id) in map { list[id] = token }
            vocabulary = list
        } else {
            throw .noVocabulary(directory: directory.path)
        }

        var basic = BasicTokenizer()
        if let normalizer = tokenizerJSON?.normalizer?.bertNormalizer {
            basic.lowercase = normalizer.lowercase ?? true
            basic.stripAccents = normalizer.stripAccents
            basic.handleChineseCharacters = normalizer.handleChineseChars ?? true
            basic.cleanText = normalizer.cleanText ?? true
        } else if let config {
            basic.lowercase = config.doLowerCase ?? true
            basic.stripAccents = config.stripAccents
            basic.handleChineseCharacters = config.tokenizeChineseChars ?? true
        }

        let specials = tokenizerJSON?.addedTokens?.filter { $0.special ?? false }.map(\.content)
        return try WordPieceTokenizer(
            vocabulary: vocabulary, basic: basic, maxLength: maxLength,
            unknownToken: config?.unkToken?.content ?? tokenizerJSON?.model?.unkToken ?? "[UNK]",
            classifierToken: config?.clsToken?.content ?? "[CLS]",
            separatorToken: config?.sepToken?.content ?? "[SEP]",
            paddingToken: config?.padToken?.content ?? "[PAD]",
            continuingSubwordPrefix: tokenizerJSON?.model?.continuingSubwordPrefix ?? "##",
            maxInputCharactersPerWord: tokenizerJSON?.model?.maxInputCharsPerWord ?? 100,
            specialTokens: specials, source: directory.path)
    }

    /// `vocab.txt`: one token per line; only the newline is removed (as in `transformers`).
    static func readVocabularyFile(_ url: URL) throws(TokenizerError) -> [String] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadableFile(path: url.path, detail: error.localizedDescription)
        }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var tokens: [String] = []
        tokens.reserveCapacity(lines.count)
        for line in lines {
            guard let token = String(bytes: line, encoding: .utf8) else {
                throw .unreadableFile(path: url.path, detail: "line \(tokens.count + 1) is not UTF-8")
            }
            tokens.append(token)
        }
        guard !tokens.isEmpty else { throw .unreadableFile(path: url.path, detail: "the file is empty") }
        return tokens
    }

    private static func decodeIfPresent<T: Decodable>(_ type: T.Type, at url: URL) throws(TokenizerError) -> T? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            throw .unreadableFile(path: url.path, detail: "\(error)")
        }
    }
}

// MARK: - The parts of the Hugging Face files that matter here

private struct TokenizerJSON: Decodable {
    struct Normalizer: Decodable {
        var type: String?
        var lowercase: Bool?
        var stripAccents: Bool?
        var cleanText: Bool?
        var handleChineseChars: Bool?
        var normalizers: [Normalizer]?

        enum CodingKeys: String, CodingKey {
            case type, lowercase, normalizers
            case stripAccents = "strip_accents"
            case cleanText = "clean_text"
            case handleChineseChars = "handle_chinese_chars"
        }

        /// This normalizer if it is a `BertNormalizer`, or the first one inside a `Sequence`.
        var bertNormalizer: Normalizer? {
            if type == "BertNormalizer" { return self }
            return normalizers?.lazy.compactMap(\.bertNormalizer).first
        }
    }

    struct Model: Decodable {
        var type: String?
        var vocab: [String: Int]?
        var unkToken: String?
        var continuingSubwordPrefix: String?
        var maxInputCharsPerWord: Int?

        enum CodingKeys: String, CodingKey {
            case type, vocab
            case unkToken = "unk_token"
            case continuingSubwordPrefix = "continuing_subword_prefix"
            case maxInputCharsPerWord = "max_input_chars_per_word"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decodeIfPresent(String.self, forKey: .type)
            // Other model types store their vocabulary differently; only WordPiece's is read.
            guard type == nil || type == "WordPiece" else { return }
            vocab = try container.decodeIfPresent([String: Int].self, forKey: .vocab)
            unkToken = try container.decodeIfPresent(String.self, forKey: .unkToken)
            continuingSubwordPrefix = try container.decodeIfPresent(String.self, forKey: .continuingSubwordPrefix)
            maxInputCharsPerWord = try container.decodeIfPresent(Int.self, forKey: .maxInputCharsPerWord)
        }
    }

    struct AddedToken: Decodable {
        var content: String
        var special: Bool?
    }

    var normalizer: Normalizer?
    var model: Model?
    var addedTokens: [AddedToken]?

    enum CodingKeys: String, CodingKey {
        case normalizer, model
        case addedTokens = "added_tokens"
    }
}

private struct TokenizerConfigJSON: Decodable {
    /// A special token, written either as a string or as `{"content": "..."}`.
    struct TokenName: Decodable {
        var content: String
        init(from decoder: any Decoder) throws {
            if let string = try? decoder.singleValueContainer().decode(String.self) {
                content = string
            } else {
                struct Object: Decodable { var content: String }
                content = try Object(from: decoder).content
            }
        }
    }

    var doLowerCase: Bool?
    var stripAccents: Bool?
    var tokenizeChineseChars: Bool?
    var unkToken: TokenName?
    var clsToken: TokenName?
    var sepToken: TokenName?
    var padToken: TokenName?

    enum CodingKeys: String, CodingKey {
        case doLowerCase = "do_lower_case"
        case stripAccents = "strip_accents"
        case tokenizeChineseChars = "tokenize_chinese_chars"
        case unkToken = "unk_token"
        case clsToken = "cls_token"
        case sepToken = "sep_token"
        case padToken = "pad_token"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        doLowerCase = try? container.decodeIfPresent(Bool.self, forKey: .doLowerCase)
        stripAccents = try? container.decodeIfPresent(Bool.self, forKey: .stripAccents)
        tokenizeChineseChars = try? container.decodeIfPresent(Bool.self, forKey: .tokenizeChineseChars)
        unkToken = try? container.decodeIfPresent(TokenName.self, forKey: .unkToken)
        clsToken = try? container.decodeIfPresent(TokenName.self, forKey: .clsToken)
        sepToken = try? container.decodeIfPresent(TokenName.self, forKey: .sepToken)
        padToken = try? container.decodeIfPresent(TokenName.self, forKey: .padToken)
    }
}
