/// Why a chat model call failed. Each case says what the operator can do about it.
public enum ChatModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing listens at the URL, DNS failed, or the connection broke before a response.
    case unreachable(url: String, reason: String)
    /// No complete answer within the configured timeout (including a stream that stalled).
    case timedOut(url: String, seconds: Double)
    /// The endpoint answered with an HTTP error after all retries.
    case http(url: String, status: Int, body: String)
    /// The response was not the OpenAI chat format (bad JSON, no choices, broken SSE).
    case malformedResponse(url: String, reason: String)
    /// The configuration cannot work (no base URL, bad URL, missing API key variable).
    case invalidConfiguration(String)
    /// The caller went away.
    case cancelled

    public var description: String {
        switch self {
        case .unreachable(let url, let reason):
            return "the chat model at \(url) is unreachable (\(reason)); check that the server runs and --model-url / AGRIQA_MODEL_URL point at it"
        case .timedOut(let url, let seconds):
            return "the chat model at \(url) gave no complete answer within \(seconds) s; raise the model timeout or use a smaller max-tokens"
        case .http(let url, let status, let body):
            let hint = status == 401 || status == 403
                ? "check the API key (AGRIQA_MODEL_API_KEY)"
                : status == 404 ? "check the base URL and model id" : "see the server's log"
            return "the chat model at \(url) answered HTTP \(status): \(body.prefix(300)); \(hint)"
        case .malformedResponse(let url, let reason):
            return "the chat model at \(url) sent a response that is not the OpenAI chat format: \(reason)"
        case .invalidConfiguration(let reason):
            return "invalid chat model configuration: \(reason)"
        case .cancelled:
            return "the request was cancelled"
        }
    }

    /// Whether the extractive answerer should step in (the model is down, slow or broken), as
    /// opposed to a caller error.
    public var warrantsFallback: Bool {
        switch self {
        case .cancelled, .invalidConfiguration: return false
        default: return true
        }
    }
}
