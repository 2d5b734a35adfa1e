import Foundation

/// Where and how ``RemoteEmbedder`` reaches an OpenAI-compatible embeddings endpoint
/// (OpenAI, vLLM, Hugging Face TEI, llama.cpp server with `--embedding`, Ollama).
public struct RemoteEmbedderConfiguration: Sendable, Equatable {
    /// How vectors travel in responses. Both are decoded whatever was asked for.
    public enum EncodingFormat: String, Sendable, Equatable, CaseIterable {
        /// JSON arrays of numbers (every server supports it).
        case float
        /// Base64 of little-endian float32 bytes: about a third of the size, faster to parse.
        case base64
    }

    /// The API's base URL, normally ending in `/v1` (`http://127.0.0.1:8080/v1`,
    /// `https://api.openai.com/v1`). See ``endpoint`` for how the request URL is formed.
    public var baseURL: URL
    /// The `model` field of each request.
    public var model: String
    /// Sent as `Authorization: Bearer <key>` when set.
    public var apiKey: String?
    /// Texts per request.
    public var batchSize: Int
    /// Time allowed for one request, from sending to the last byte of the response.
    public var timeout: Duration
    /// Further attempts after a 408, 429, 5xx, timeout or connection failure.
    public var maxRetries: Int
    /// Wait before the first retry; doubled for each further one (with jitter), at most
    /// ``maxBackoff``. A `Retry-After` header takes precedence, up to ``maxRetryAfter``.
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    public var maxRetryAfter: Duration
    public var encodingFormat: EncodingFormat
    /// Sent as `dimensions` (for models that can shorten their vectors) when set.
    public var dimensions: Int?
    /// The endpoint's input limit in tokens, recorded in the descriptor (the server truncates
    /// or rejects longer inputs).
    public var maxTokens: Int

    public init(
        baseURL: URL, model: String, apiKey: String? = nil, batchSize: Int = 64, timeout: Duration = .seconds(60),
        maxRetries: Int = 4, initialBackoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(30),
        maxRetryAfter: Duration = .seconds(120), encodingFormat: EncodingFormat = .float, dimensions: Int? = nil,
        maxTokens: Int = 512
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.batchSize = batchSize
        self.timeout = timeout
        self.maxRetries = maxRetries
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.encodingFormat = encodingFormat
        self.dimensions = dimensions
        self.maxTokens = maxTokens
    }

    /// The request URL: the base URL itself when it already ends in `/embeddings`,
    /// `<base>/embeddings` when it ends in `/v1`, else `<base>/v1/embeddings`.
    public var endpoint: URL {
        let trimmed = normalizedBase
        if trimmed.hasSuffix("/embeddings") { return URL(string: trimmed) ?? baseURL }
        if trimmed.hasSuffix("/v1") { return URL(string: trimmed + "/embeddings") ?? baseURL }
        return URL(string: trimmed + "/v1/embeddings") ?? baseURL
    }

    /// `remote:<model>@<base URL>`: the embedder's identity, without the API key.
    public var descriptorID: String { "remote:\(model)@\(normalizedBase)" }

    private var normalizedBase: String {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    func validate() throws(RemoteEmbedderError) {
        guard let scheme = baseURL.scheme?.lowercased(), scheme == "http" || scheme == "https", baseURL.host != nil
        else {
            throw .invalidConfiguration("base URL \(baseURL.absoluteString) must be an http(s) URL such as "
                + "http://127.0.0.1:8080/v1")
        }
        guard !model.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidConfiguration("the model id is empty; set it to the model the endpoint serves")
        }
        guard batchSize >= 1 else { throw .invalidConfiguration("batch size must be at least 1") }
        guard maxRetries >= 0 else { throw .invalidConfiguration("max retries must not be negative") }
        guard timeout > .zero else { throw .invalidConfiguration("timeout must be positive") }
        if let dimensions, dimensions < 1 { throw .invalidConfiguration("dimensions must be at least 1") }
        guard maxTokens >= 1 else { throw .invalidConfiguration("max tokens must be at least 1") }
    }
}
