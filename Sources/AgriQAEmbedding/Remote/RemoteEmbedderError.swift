/// Why a remote embeddings request failed. Every case says what to check.
public enum RemoteEmbedderError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidConfiguration(String)
    /// The server answered with a non-2xx status (after retries, for retryable ones).
    case http(status: Int, url: String, body: String, attempts: Int)
    /// No complete response within the configured timeout.
    case timedOut(url: String, seconds: Double, attempts: Int)
    /// The connection could not be made or broke.
    case connectionFailed(url: String, detail: String, attempts: Int)
    /// The response is not an OpenAI embeddings response.
    case malformedResponse(url: String, detail: String, body: String)
    /// The response has a different number of vectors than inputs, or bad `index` values.
    case wrongCount(url: String, expected: Int, received: Int)
    /// A vector's length differs from the embedder's dimension.
    case dimensionMismatch(url: String, expected: Int, received: Int)

    public var description: String {
        switch self {
        case let .invalidConfiguration(detail):
            return "Invalid remote embedder configuration: \(detail)."
        case let .http(status, url, body, attempts):
            let tries = attempts > 1 ? " after \(attempts) attempts" : ""
            return "The embeddings endpoint \(url) answered HTTP \(status)\(tries): \(body.isEmpty ? "(empty body)" : body). "
                + Self.hint(forStatus: status)
        case let .timedOut(url, seconds, attempts):
            return "The embeddings endpoint \(url) did not answer within \(Self.format(seconds)) s "
                + "(\(attempts) attempt\(attempts == 1 ? "" : "s")). Check that the server is up and not overloaded, "
                + "or raise the timeout / lower the batch size."
        case let .connectionFailed(url, detail, attempts):
            return "Cannot reach the embeddings endpoint \(url) (\(detail); \(attempts) attempt\(attempts == 1 ? "" : "s")). "
                + "Check that the server is running and that the base URL (e.g. http://127.0.0.1:8080/v1) is right."
        case let .malformedResponse(url, detail, body):
            return "The embeddings endpoint \(url) sent a response that is not an OpenAI embeddings response "
                + "(\(detail)): \(body.isEmpty ? "(empty body)" : body). Check that the URL points at a "
                + "/v1/embeddings endpoint (llama.cpp needs --embedding)."
        case let .wrongCount(url, expected, received):
            return "The embeddings endpoint \(url) returned \(received) vectors (or invalid indices) for \(expected) inputs. "
                + "The server does not handle batched input correctly: lower the batch size (1 always works)."
        case let .dimensionMismatch(url, expected, received):
            return "The embeddings endpoint \(url) returned \(received)-dimensional vectors but this embedder expects "
                + "\(expected). The endpoint serves a different model than the one the index was built with; "
                + "select the same model, or rebuild the vectors."
        }
    }

    private static func hint(forStatus status: Int) -> String {
        switch status {
        case 401, 403: "Check the API key."
        case 404: "Check the base URL (it normally ends in /v1) and the model id."
        case 400, 422: "The server rejected the request: check the model id and that inputs fit its length limit."
        case 413: "The request is too large: lower the batch size."
        case 429: "The server is rate-limiting: lower the batch size or request rate, or retry later."
        case 500...599: "The server failed: check its logs."
        default: "Check the endpoint configuration."
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
