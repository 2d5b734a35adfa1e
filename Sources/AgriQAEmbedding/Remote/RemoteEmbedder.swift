import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Embeds through any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, vLLM, Hugging Face
/// TEI, llama.cpp server with `--embedding`, Ollama).
///
/// Texts are sent in batches of ``RemoteEmbedderConfiguration/batchSize``, one request at a
/// time; responses may use float arrays or base64 and list vectors in any order (they are put
/// back in input order by `index`). 408, 429 and 5xx responses, timeouts and connection
/// failures are retried with exponential backoff (honouring `Retry-After`); other statuses
/// fail at once. Empty texts are sent as a single space, since some servers reject "".
public struct RemoteEmbedder: TextEmbedder {
    public let configuration: RemoteEmbedderConfiguration
    public let descriptor: EmbedderDescriptor

    /// One session for every remote embedder (sessions are costly and live until invalidated);
    /// each request carries its own deadline, enforced by ``HTTPExchange``.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 24 * 3600
        configuration.timeoutIntervalForResource = 24 * 3600
        configuration.httpMaximumConnectionsPerHost = 4
        return URLSession(configuration: configuration)
    }()

    /// An embedder for an endpoint whose vectors are known to have `dimension` floats.
    public init(configuration: RemoteEmbedderConfiguration, dimension: Int) throws(RemoteEmbedderError) {
        try configuration.validate()
        guard dimension >= 1 else { throw .invalidConfiguration("the dimension must be at least 1") }
        self.configuration = configuration
        self.descriptor = EmbedderDescriptor(
            id: configuration.descriptorID, dimension: dimension, maxTokens: configuration.maxTokens)
    }

    /// Connects to the endpoint once to learn the vector dimension, then returns the embedder.
    public static func connect(configuration: RemoteEmbedderConfiguration) async throws -> RemoteEmbedder {
        let probe = try RemoteEmbedder(configuration: configuration, dimension: 1)
        let vectors = try await probe.request(["dimension probe"], expectedDimension: nil)
        guard let dimension = vectors.first?.count else {
            throw RemoteEmbedderError.wrongCount(url: configuration.endpoint.absoluteString, expected: 1, received: 0)
        }
        return try RemoteEmbedder(configuration: configuration, dimension: dimension)
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        for start in stride(from: 0, to: texts.count, by: configuration.batchSize) {
            let batch = Array(texts[start..<min(start + configuration.batchSize, texts.count)])
            vectors += try await request(batch, expectedDimension: descriptor.dimension)
        }
        return vectors
    }

    /// One batch, with retries.
    func request(_ texts: [String], expectedDimension: Int?) async throws -> [[Float]] {
        let url = configuration.endpoint
        let urlText = url.absoluteString
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.timeoutInterval = max(1, configuration.timeout.seconds.rounded(.up) + 1)  // backstop only
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let key = configuration.apiKey, !key.isEmpty {
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        }
        request.httpBody = try JSONEncoder().encode(EmbeddingsWireFormat.Request(
            model: configuration.model, input: texts.map { $0.isEmpty ? " " : $0 },
            encodingFormat: configuration.encodingFormat.rawValue, dimensions: configuration.dimensions))

        var attempt = 0
        while true {
            attempt += 1
            let canRetry = attempt <= configuration.maxRetries
            let data: Data, response: HTTPURLResponse
            do {
                (data, response) = try await HTTPExchange.send(request, session: Self.session, timeout: configuration.timeout)
            } catch HTTPExchange.Failure.timedOut {
                guard canRetry else {
                    throw RemoteEmbedderError.timedOut(url: urlText, seconds: configuration.timeout.seconds, attempts: attempt)
                }
                try await Task.sleep(for: backoff(afterAttempt: attempt))
                continue
            } catch let HTTPExchange.Failure.transport(error) {
                guard canRetry, Self.isRetryable(error) else {
                    throw RemoteEmbedderError.connectionFailed(url: urlText, detail: Self.describe(error), attempts: attempt)
                }
                try await Task.sleep(for: backoff(afterAttempt: attempt))
                continue
            } catch let HTTPExchange.Failure.other(detail) {
                throw RemoteEmbedderError.connectionFailed(url: urlText, detail: detail, attempts: attempt)
            }

            let status = response.statusCode
            if (200..<300).contains(status) {
                return try EmbeddingsWireFormat.vectors(
                    from: data, expected: texts.count, dimension: expectedDimension, url: urlText)
            }
            guard canRetry, status == 408 || status == 429 || (500...599).contains(status) else {
                throw RemoteEmbedderError.http(
                    status: status, url: urlText, body: EmbeddingsWireFormat.snippet(data), attempts: attempt)
            }
            let delay = Self.retryAfter(response).map { min($0, configuration.maxRetryAfter) }
                ?? backoff(afterAttempt: attempt)
            try await Task.sleep(for: delay)
        }
    }

    /// `initialBackoff · 2^(attempt−1)`, at most `maxBackoff`, scaled by a random factor in
    /// [0.5, 1] so that many clients do not retry in step.
    func backoff(afterAttempt attempt: Int) -> Duration {
        let base = configuration.initialBackoff.seconds * pow(2, Double(min(attempt - 1, 30)))
        let capped = min(base, configuration.maxBackoff.seconds)
        return .milliseconds(Int((capped * Double.random(in: 0.5...1) * 1000).rounded()))
    }

    /// The `Retry-After` header: delay-seconds or an HTTP date.
    static func retryAfter(_ response: HTTPURLResponse) -> Duration? {
        guard let value = response.value(forHTTPHeaderField: "Retry-After")?.trimmingCharacters(in: .whitespaces),
              !value.isEmpty
        else { return nil }
        if let seconds = Double(value), seconds.isFinite, seconds >= 0 {
            return .milliseconds(Int((seconds * 1000).rounded()))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(max(0, Int((date.timeIntervalSinceNow * 1000).rounded())))
    }

    private static func isRetryable(_ error: URLError) -> Bool {
        switch error.code {
        case .timedOut, .cannotConnectToHost, .networkConnectionLost, .notConnectedToInternet, .cannotFindHost,
             .dnsLookupFailed, .badServerResponse, .resourceUnavailable:
            true
        default:
            false
        }
    }

    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .cannotConnectToHost: "connection refused"
        case .cannotFindHost, .dnsLookupFailed: "unknown host"
        case .networkConnectionLost: "connection lost"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
            "TLS failure: \(error.localizedDescription)"
        default: error.localizedDescription
        }
    }
}
