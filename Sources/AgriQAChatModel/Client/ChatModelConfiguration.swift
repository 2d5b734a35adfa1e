import Foundation

/// Where and how ``OpenAICompatibleChatModel`` reaches an OpenAI-compatible chat endpoint
/// (llama.cpp server, vLLM, Ollama, OpenAI, Azure OpenAI).
///
/// ## The base URL
/// Give the API's base, normally ending in `/v1`: `http://127.0.0.1:8081/v1`,
/// `https://api.openai.com/v1`. The request URLs are `<base>/chat/completions` and
/// `<base>/models`, with these conveniences:
/// - a URL without a path (`http://127.0.0.1:8081`) means `<url>/v1`, since every
///   OpenAI-compatible server serves the API there;
/// - a URL that already ends in `/chat/completions` is used as it is (its parent gives `/models`);
/// - any other path is taken as the base as it is (`https://host/openai/v1`,
///   `https://res.openai.azure.com/openai/deployments/NAME`), and trailing slashes are ignored;
/// - query items are kept on every request URL (Azure's `?api-version=…`).
public struct ChatModelConfiguration: Sendable, Equatable {
    /// The API's base URL; see the type's documentation for how request URLs are formed.
    public var baseURL: URL
    /// The `model` field of each request (llama-server accepts any; vLLM and OpenAI need the served id).
    public var model: String
    /// The API key itself (the caller resolves it, e.g. from an environment variable). Nil or
    /// empty sends no key.
    public var apiKey: String?
    /// Sends the key as `<apiKeyHeader>: <key>` (Azure's `api-key`) instead of
    /// `Authorization: Bearer <key>`.
    public var apiKeyHeader: String?
    /// Used when a ``ChatRequest`` leaves its temperature unset; nil leaves it to the server.
    public var temperature: Double?
    /// Used when a ``ChatRequest`` leaves its token limit unset; nil leaves it to the server.
    public var maxTokens: Int?
    /// Time allowed for one attempt, from sending the request to the last byte of the answer
    /// (for a stream: to `[DONE]`). Timeouts are not retried: the time is spent.
    public var timeout: Duration
    /// A stream (or any response) that delivers no bytes for this long has stalled and is
    /// abandoned with ``ChatModelError/timedOut(url:seconds:)``. It also bounds the wait for the
    /// first byte of a stream, which includes the server's prompt processing.
    public var streamIdleTimeout: Duration
    /// Further attempts after a 408, 429 or 5xx answer or a connection failure (for a stream:
    /// only while no text has been delivered).
    public var maxRetries: Int
    /// Wait before the first retry; doubled for each further one, with jitter (a random factor
    /// in [0.5, 1]), at most ``maxBackoff``.
    public var backoffBase: Duration
    public var maxBackoff: Duration
    /// A `Retry-After` header replaces the backoff, but is never followed for longer than this.
    public var maxRetryAfter: Duration
    /// Sends `stream_options: {"include_usage": true}` with streamed requests, so the last chunk
    /// carries token usage. Turn off for servers that reject the field.
    public var streamUsage: Bool

    public init(
        baseURL: URL, model: String, apiKey: String? = nil, apiKeyHeader: String? = nil,
        temperature: Double? = 0.2, maxTokens: Int? = 512, timeout: Duration = .seconds(120),
        streamIdleTimeout: Duration = .seconds(30), maxRetries: Int = 2, backoffBase: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(20), maxRetryAfter: Duration = .seconds(60), streamUsage: Bool = true
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.apiKeyHeader = apiKeyHeader
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.timeout = timeout
        self.streamIdleTimeout = streamIdleTimeout
        self.maxRetries = maxRetries
        self.backoffBase = backoffBase
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.streamUsage = streamUsage
    }

    /// Parses a base URL typed by a person (`http://127.0.0.1:8081/v1`), with an error that
    /// says what is expected.
    public static func baseURL(from text: String) throws(ChatModelError) -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else {
            throw .invalidConfiguration(
                "the model URL \"\(text)\" is not an http(s) URL; give the API base such as http://127.0.0.1:8081/v1")
        }
        return url
    }

    /// `POST` target for completions.
    public var chatCompletionsURL: URL { endpoint("chat/completions") }

    /// `GET` target for the reachability probe.
    public var modelsURL: URL { endpoint("models") }

    private func endpoint(_ leaf: String) -> URL {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else { return baseURL }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix("/chat/completions") {
            path.removeLast("/chat/completions".count)
        } else if path.isEmpty {
            path = "/v1"
        }
        components.path = path + "/" + leaf
        return components.url ?? baseURL
    }

    /// Checks every value, with an error that names the setting and what it accepts.
    public func validate() throws(ChatModelError) {
        _ = try Self.baseURL(from: baseURL.absoluteString)
        guard !model.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidConfiguration("the model id is empty; give the id the endpoint serves (--model / AGRIQA_MODEL)")
        }
        if let apiKey, apiKey.contains(where: { $0.isNewline }) {
            throw .invalidConfiguration("the API key contains a line break; check the variable that holds it")
        }
        if let apiKeyHeader {
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_"))
            guard !apiKeyHeader.isEmpty, apiKeyHeader.unicodeScalars.allSatisfy(allowed.contains) else {
                throw .invalidConfiguration(
                    "the API key header \"\(apiKeyHeader)\" is not a header name; use letters, digits and '-' (e.g. api-key)")
            }
        }
        if let temperature, !(temperature.isFinite && (0...2).contains(temperature)) {
            throw .invalidConfiguration("the temperature must be between 0 and 2 (got \(temperature))")
        }
        if let maxTokens, maxTokens < 1 {
            throw .invalidConfiguration("max tokens must be at least 1 (got \(maxTokens))")
        }
        guard timeout > .zero else { throw .invalidConfiguration("the model timeout must be positive") }
        guard streamIdleTimeout > .zero else { throw .invalidConfiguration("the stream idle timeout must be positive") }
        guard (0...20).contains(maxRetries) else {
            throw .invalidConfiguration("model retries must be between 0 and 20 (got \(maxRetries))")
        }
        guard backoffBase >= .zero, maxBackoff >= .zero, maxRetryAfter >= .zero else {
            throw .invalidConfiguration("backoff durations must not be negative")
        }
    }
}
