import AgriQAChatModel
import AgriQAFakeChatServer
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The fake server itself: other test targets rely on it speaking the protocol.
@Suite struct FakeChatServerTests {
    /// One raw HTTP exchange, outside the client under test.
    private func send(_ request: URLRequest) async throws -> (status: Int, body: String, contentType: String?) {
        try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else if let response = response as? HTTPURLResponse {
                    continuation.resume(returning: (
                        response.statusCode, String(decoding: data ?? Data(), as: UTF8.self),
                        response.value(forHTTPHeaderField: "Content-Type")))
                } else {
                    continuation.resume(throwing: URLError(.badServerResponse))
                }
            }.resume()
        }
    }

    private func post(_ server: FakeChatServer, path: String = "/v1/chat/completions", body: String) async throws
        -> (status: Int, body: String, contentType: String?)
    {
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)\(path)"))
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        return try await send(request)
    }

    @Test func streamsInOpenAIChunkShape() async throws {
        let server = try await FakeChatServer.start(queue: [.stream(["Plant", " now."])])
        let response = try await post(server, body: #"{"model":"x","messages":[{"role":"user","content":"When?"}],"stream":true,"stream_options":{"include_usage":true}}"#)
        await server.stop()
        #expect(response.status == 200)
        #expect(response.contentType == "text/event-stream")
        let events = response.body.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(events.count == 6)  // role, two pieces, finish, usage, [DONE]
        #expect(events.first?.contains(#""delta":{"content":null,"role":"assistant"}"#) == true)
        #expect(events.dropFirst().first?.contains(#""content":"Plant""#) == true)
        #expect(events.dropFirst(3).first?.contains(#""finish_reason":"stop""#) == true)
        #expect(events.dropFirst(4).first?.contains(#""choices":[]"#) == true)
        #expect(events.last == "data: [DONE]")
    }

    @Test func answersWithoutTheV1PrefixAndRefusesABodyThatIsNotAChatRequest() async throws {
        let server = try await FakeChatServer.start()
        let plain = try await post(server, path: "/chat/completions", body: #"{"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]}"#)
        let bad = try await post(server, body: "not json")
        let requests = server.requests
        await server.stop()
        #expect(plain.status == 200)
        #expect(plain.body.contains(#""object":"chat.completion""#))
        #expect(requests.count == 1)
        #expect(requests.first?.lastUserMessage == "Hi")
        #expect(bad.status == 400)
        #expect(bad.body.contains("not a chat completion request"))
    }

    @Test func playsTheQueueThenAsksTheResponder() async throws {
        let server = try await FakeChatServer.start(queue: [.reply("first")]) { request in
            .reply("echo: \(request.lastUserMessage ?? "")")
        }
        let client = try makeClient(server)
        server.enqueue(.reply("second"))
        var answers: [String] = []
        for question in ["a", "b", "c"] {
            answers.append(try await client.complete(ChatRequest(messages: [.user(question)])).content)
        }
        await server.stop()
        #expect(answers == ["first", "second", "echo: c"])
    }

    @Test func stopReleasesAHangingRequest() async throws {
        let server = try await FakeChatServer.start(queue: [.hang])
        let client = try makeClient(server, retries: 0)
        let call = Task { () -> ChatModelError? in
            do throws(ChatModelError) {
                _ = try await client.complete(question)
                return nil
            } catch {
                return error
            }
        }
        #expect(await eventually { server.requests.count == 1 })
        try await withUpperBound { await server.stop() }
        let result = try await withUpperBound { await call.value }
        // The server went away mid-request: the client sees a broken connection, not a hang.
        guard case .unreachable? = result else {
            Issue.record("expected unreachable after the server stopped, got \(String(describing: result))")
            return
        }
        #expect(server.abandonedResponses == 0)
    }
}
