import AgriQAEmbedding
import Foundation
import Testing

/// RemoteEmbedder against a real HTTP server on 127.0.0.1 speaking the OpenAI embeddings protocol.
struct RemoteEmbedderTests {
    /// A deterministic 3-d vector per text: [length, first scalar, 1].
    static func vector(for text: String) -> [Float] {
        [Float(text.count), Float(text.unicodeScalars.first?.value ?? 0), 1]
    }

    static func inputs(of request: LoopbackHTTPServer.Request) -> [String] {
        request.json?["input"] as? [String] ?? []
    }

    /// An OpenAI response body for `inputs`, float or base64, listed in `order` of indices.
    static func responseBody(_ inputs: [String], base64: Bool = false, order: [Int]? = nil) -> String {
        let items = (order ?? Array(inputs.indices)).map { index -> String in
            let vector = vector(for: inputs[index])
            let embedding: String
            if base64 {
                let bytes = vector.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
                embedding = "\"\(Data(bytes).base64EncodedString())\""
            } else {
                embedding = "[" + vector.map { "\($0)" }.joined(separator: ",") + "]"
            }
            return #"{"object":"embedding","index":\#(index),"embedding":\#(embedding)}"#
        }
        return #"{"object":"list","model":"test-model","data":[\#(items.joined(separator: ","))],"usage":{"prompt_tokens":1,"total_tokens":1}}"#
    }

    static func configuration(_ server: LoopbackHTTPServer, _ change: (inout RemoteEmbedderConfiguration) -> Void = { _ in })
        -> RemoteEmbedderConfiguration {
        var configuration = RemoteEmbedderConfiguration(
            baseURL: server.baseURL, model: "test-model", apiKey: "secret", batchSize: 2, timeout: .seconds(5),
            maxRetries: 2, initialBackoff: .milliseconds(20), maxBackoff: .milliseconds(100))
        change(&configuration)
        return configuration
    }

    @Test func floatResponsesInBatchesWithAuthorization() async throws {
        let server = try LoopbackHTTPServer { request, _ in .json(Self.responseBody(Self.inputs(of: request))) }
        defer { server.stop() }
        let embedder = try RemoteEmbedder(configuration: Self.configuration(server), dimension: 3)
        #expect(embedder.descriptor == EmbedderDescriptor(id: "remote:test-model@\(server.baseURL.absoluteString)",
                                                          dimension: 3, maxTokens: 512))
        let texts = ["maize", "rice", "", "sorghum", "teff"]
        let vectors = try await embedder.embed(texts)
        #expect(vectors == texts.map { Self.vector(for: $0.isEmpty ? " " : $0) })

        let requests = server.requests
        #expect(requests.count == 3)  // batches of 2, 2, 1
        let first = try #require(requests.first)
        #expect(first.method == "POST" && first.path == "/v1/embeddings")
        #expect(first.headers["authorization"] == "Bearer secret")
        #expect(first.headers["content-type"] == "application/json")
        #expect(first.json?["model"] as? String == "test-model")
        #expect(first.json?["encoding_format"] as? String == "float")
        #expect(requests.flatMap(Self.inputs) == ["maize", "rice", " ", "sorghum", "teff"])
    }

    @Test func base64ResponsesOutOfOrderAreReordered() async throws {
        let server = try LoopbackHTTPServer { request, _ in
            let inputs = Self.inputs(of: request)
            return .json(Self.responseBody(inputs, base64: true, order: Array(inputs.indices.reversed())))
        }
        defer { server.stop() }
        let embedder = try RemoteEmbedder(
            configuration: Self.configuration(server) { $0.encodingFormat = .base64; $0.batchSize = 8 }, dimension: 3)
        let texts = ["alpha", "beta", "gamma", "delta"]
        #expect(try await embedder.embed(texts) == texts.map(Self.vector))
        #expect(server.requests.first?.json?["encoding_format"] as? String == "base64")
    }

    @Test func waitsForRetryAfterOn429ThenSucceeds() async throws {
        let server = try LoopbackHTTPServer { request, number in
            number == 1
                ? .json(#"{"error":{"message":"rate limited"}}"#, status: 429, headers: ["Retry-After": "1"])
                : .json(Self.responseBody(Self.inputs(of: request)))
        }
        defer { server.stop() }
        let embedder = try RemoteEmbedder(configuration: Self.configuration(server), dimension: 3)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try await embedder.embed(["maize"]) == [Self.vector(for: "maize")])
        #expect(clock.now - start >= .milliseconds(950))  // Retry-After, not the 20 ms backoff
        #expect(server.requests.count == 2)
    }

    @Test func retriesAServerError() async throws {
        let server = try LoopbackHTTPServer { request, number in
            number == 1 ? .json(#"{"error":"boom"}"#, status: 500) : .json(Self.responseBody(Self.inputs(of: request)))
        }
        defer { server.stop() }
        let embedder = try RemoteEmbedder(configuration: Self.configuration(server), dimension: 3)
        #expect(try await embedder.embed(["rice"]) == [Self.vector(for: "rice")])
        #expect(server.requests.count == 2)
    }

    @Test func givesUpAfterMaxRetriesWithStatusAndBody() async throws {
        let server = try LoopbackHTTPServer { _, _ in .json(#"{"error":"overloaded"}"#, status: 503) }
        defer { server.stop() }
        let embedder = try RemoteEmbedder(configuration: Self.configuration(server), dimension: 3)
        await #expect(throws: RemoteEmbedderError.http(status: 503, url: server.baseURL.absoluteString + "/embeddings",
                                                       body: #"{"error":"overloaded"}"#, attempts: 3)) {
            try await embedder.embed(["rice"])
        }
        #expect(server.requests.count == 3)
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let server = try LoopbackHTTPServer { _, _ in .json(#"{"error":{"message":"invalid api key"}}"#, status: 401) }
        defer { server.stop() }
        let embedder = try RemoteEmbedder(configuration: Self.configuration(server), dimension: 3)
        do {
            _ = try await embedder.embed(["rice"])
            Issue.record("succeeded")
        } catch let error as RemoteEmbedderError {
            guard case let .http(status, _, body, attempts) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(status == 401 && attempts == 1 && body.contains("invalid api key"))
            #expect(error.description.contains("API key"))
        }
        #expect(server.requests.count == 1)
    }

    @Test func malformedJSONIsATypedError() async throws {
        let server = try LoopbackHTTPServer { _, _ in .json(#"{"data": [{"index": 0, "embedding": "#) }
        defer { server.stop() }
        let embedder = try RemoteEmbedder(configuration: Self.configuration(server), dimension: 3)
        do {
            _ = try await embedder.embed(["rice"])
            Issue.record("succeeded")
        } catch let error as RemoteEmbedderError {
            guard case let .malformedResponse(_, _, body) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(body.contains("embedding"))
        }
    }

    @Test func wrongCountIsATypedError() async throws {
        let server = try LoopbackHTTPServer { request, _ in
            let inputs = Self.inputs(of: request)
            return .json(Self.responseBody(Array(inputs.dropLast())))
        }
        defer { server.stop() }
        let embedder = try RemoteEmbedder(configuration: Self.configuration(server), dimension: 3)
        await #expect(throws: RemoteEmbedderError.wrongCount(url: server.baseURL.absoluteString + "/embeddings",
                                                             expected: 2, received: 1)) {
            try await embedder.embed(["a", "b"])
        }
    }

    @Test func vectorsOfAnotherDimensionAreATypedError() async throws {
        let server = try LoopbackHTTPServer { request, _ in .json(Self.responseBody(Self.inputs(of: request))) }
        defer { server.stop() }
        let embedder = try RemoteEmbedder(configuration: Self.configuration(server), dimension: 4)
        do {
            _ = try await embedder.embed(["a", "b"])
            Issue.record("succeeded")
        } catch let error as RemoteEmbedderError {
            #expect(error == .dimensionMismatch(url: server.baseURL.absoluteString + "/embeddings", expected: 4, received: 3))
            #expect(error.description.contains("different model"))
        }
    }

    @Test func timeoutIsATypedError() async throws {
        let server = try LoopbackHTTPServer { _, _ in .hang }
        defer { server.stop() }
        let embedder = try RemoteEmbedder(
            configuration: Self.configuration(server) { $0.timeout = .milliseconds(300); $0.maxRetries = 1 }, dimension: 3)
        await #expect(throws: RemoteEmbedderError.timedOut(url: server.baseURL.absoluteString + "/embeddings",
                                                           seconds: 0.3, attempts: 2)) {
            try await embedder.embed(["rice"])
        }
        // The server never answers: the typed .timedOut error (not a transport error) proves our
        // deadline fired. No wall-clock bound: parallel tests that block the cooperative pool can
        // delay any async code, so a time limit would only measure the test machine.
        #expect(server.requests.count == 2)
    }

    @Test func refusedConnectionIsATypedError() async throws {
        let server = try LoopbackHTTPServer { _, _ in .hang }
        server.stop()  // nothing listens on this port any more
        let embedder = try RemoteEmbedder(configuration: Self.configuration(server) { $0.maxRetries = 1 }, dimension: 3)
        do {
            _ = try await embedder.embed(["rice"])
            Issue.record("succeeded")
        } catch let error as RemoteEmbedderError {
            guard case let .connectionFailed(_, _, attempts) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(attempts == 2)
            #expect(error.description.contains("server is running"))
        }
    }

    @Test func connectLearnsTheDimension() async throws {
        let server = try LoopbackHTTPServer { request, _ in .json(Self.responseBody(Self.inputs(of: request))) }
        defer { server.stop() }
        let embedder = try await RemoteEmbedder.connect(configuration: Self.configuration(server))
        #expect(embedder.descriptor.dimension == 3)
    }

    @Test func endpointAndIdentityRules() throws {
        func endpoint(_ base: String) throws -> String {
            try RemoteEmbedderConfiguration(baseURL: #require(URL(string: base)), model: "m").endpoint.absoluteString
        }
        #expect(try endpoint("http://127.0.0.1:8080/v1") == "http://127.0.0.1:8080/v1/embeddings")
        #expect(try endpoint("http://127.0.0.1:8080/v1/") == "http://127.0.0.1:8080/v1/embeddings")
        #expect(try endpoint("http://127.0.0.1:8080") == "http://127.0.0.1:8080/v1/embeddings")
        #expect(try endpoint("https://example.org/api/v1/embeddings") == "https://example.org/api/v1/embeddings")
        let configuration = try RemoteEmbedderConfiguration(baseURL: #require(URL(string: "http://h:1/v1/")), model: "bge",
                                                            apiKey: "k")
        #expect(configuration.descriptorID == "remote:bge@http://h:1/v1")
        #expect(throws: RemoteEmbedderError.self) {
            try RemoteEmbedder(configuration: RemoteEmbedderConfiguration(baseURL: #require(URL(string: "file:///x")),
                                                                          model: "m"), dimension: 3)
        }
    }

    @Test func retryAfterMayBeAnHTTPDate() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let server = try LoopbackHTTPServer { request, number in
            number == 1
                ? .json("{}", status: 503, headers: ["Retry-After": formatter.string(from: Date().addingTimeInterval(2))])
                : .json(Self.responseBody(Self.inputs(of: request)))
        }
        defer { server.stop() }
        let embedder = try RemoteEmbedder(configuration: Self.configuration(server), dimension: 3)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try await embedder.embed(["maize"]) == [Self.vector(for: "maize")])
        #expect(clock.now - start >= .milliseconds(900))  // the date is 1–2 s ahead at one-second resolution
    }
}
