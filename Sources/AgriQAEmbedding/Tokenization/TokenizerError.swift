/// Why a tokenizer could not be built from a model directory.
public enum TokenizerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither vocab.txt nor a WordPiece tokenizer.json is in the directory.
    case noVocabulary(directory: String)
    case unreadableFile(path: String, detail: String)
    /// tokenizer.json describes a tokenizer that is not WordPiece (BPE, Unigram...).
    case unsupportedModel(path: String, type: String)
    /// A required special token such as `[CLS]` is missing from the vocabulary.
    case missingSpecialToken(token: String, directory: String)
    case invalidMaxLength(Int)

    public var description: String {
        switch self {
        case let .noVocabulary(directory):
            return "No WordPiece vocabulary in \(directory): it needs vocab.txt or a tokenizer.json with a WordPiece "
                + "model. Point the embedder at a BERT-family model directory (for the built-in model run "
                + "scripts/fetch-model.sh)."
        case let .unreadableFile(path, detail):
            return "Cannot read tokenizer file \(path) (\(detail)). Download the model directory again."
        case let .unsupportedModel(path, type):
            return "\(path) describes a \(type) tokenizer; only WordPiece (BERT-family) models are supported. "
                + "Use a BERT-architecture model such as all-MiniLM-L6-v2, bge-small-en-v1.5 or e5-small-v2, "
                + "or serve this model behind an OpenAI-compatible /v1/embeddings endpoint."
        case let .missingSpecialToken(token, directory):
            return "The vocabulary in \(directory) has no \(token) token, which BERT models need. "
                + "The vocabulary file does not belong to a BERT-family model."
        case let .invalidMaxLength(length):
            return "Maximum token length \(length) is too small: it must be at least 2 ([CLS] and [SEP])."
        }
    }
}
