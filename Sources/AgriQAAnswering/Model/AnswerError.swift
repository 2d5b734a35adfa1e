import AgriQAChatModel

/// Why no answer could be given. Each case says what to do.
public enum AnswerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The question is empty or only white space.
    case emptyQuestion
    case questionTooLong(length: Int, limit: Int)
    case invalidK(Int)
    /// The request asked for the model, and none is configured.
    case modelNotConfigured
    /// Searching the index failed.
    case retrieval(String)
    /// The model failed in a way the extractive answerer must not hide (bad configuration).
    case model(ChatModelError)
    /// The caller went away.
    case cancelled

    public var description: String {
        switch self {
        case .emptyQuestion:
            return "the question is empty; send the question text in `question`."
        case .questionTooLong(let length, let limit):
            return "the question is \(length) characters long; shorten it to at most \(limit)."
        case .invalidK(let k):
            return "k = \(k) is out of range; ask for \(AnswerRequest.kRange.lowerBound) to \(AnswerRequest.kRange.upperBound) sources."
        case .modelNotConfigured:
            return "mode `model` was requested but no chat model is configured; set --model-url / AGRIQA_MODEL_URL, or ask with mode `auto` or `extractive`."
        case .retrieval(let detail):
            return "searching the index failed: \(detail); check the index with `agriqa stats`."
        case .model(let error):
            return error.description
        case .cancelled:
            return "the request was cancelled."
        }
    }

    /// Whether the request itself is at fault (HTTP 400), as opposed to the service.
    public var isRequestError: Bool {
        switch self {
        case .emptyQuestion, .questionTooLong, .invalidK, .modelNotConfigured: return true
        case .retrieval, .model, .cancelled: return false
        }
    }
}
