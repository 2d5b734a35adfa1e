@testable import AgriQAChatModel
import Testing

@Suite struct ChatStreamAssemblerTests {
    private let url = "http://127.0.0.1:1/v1/chat/completions"

    private func event(_ data: String) -> ServerSentEvent { ServerSentEvent(data: data) }

    /// What llama-server sends with `stream_options.include_usage`.
    @Test func assemblesALlamaServerStream() throws {
        var assembler = ChatStreamAssembler(url: url)
        let events = [
            #"{"choices":[{"index":0,"delta":{"role":"assistant","content":null},"finish_reason":null}],"model":"smollm2","object":"chat.completion.chunk"}"#,
            #"{"choices":[{"index":0,"delta":{"content":"Plant"},"finish_reason":null}],"model":"smollm2"}"#,
            #"{"choices":[{"index":0,"delta":{"content":" in May."},"finish_reason":null}],"model":"smollm2"}"#,
            #"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"model":"smollm2"}"#,
            #"{"choices":[],"model":"smollm2","usage":{"prompt_tokens":12,"completion_tokens":4,"total_tokens":16}}"#,
            "[DONE]",
        ]
        var deltas: [String] = []
        for data in events {
            if let text = try assembler.consume(event(data)) { deltas.append(text) }
        }
        #expect(deltas == ["Plant", " in May."])
        #expect(assembler.isDone)
        let completion = try assembler.completion(configuredModel: "configured", attempts: 1)
        #expect(completion == ChatCompletion(
            content: "Plant in May.", finishReason: "stop", usage: TokenUsage(promptTokens: 12, completionTokens: 4),
            model: "smollm2", attempts: 1))
        #expect(try assembler.consume(event(#"{"choices":[{"delta":{"content":"late"}}]}"#)) == nil)
    }

    @Test func anErrorObjectInsideTheStreamIsAnHTTPError() {
        var assembler = ChatStreamAssembler(url: url)
        #expect(throws: ChatModelError.http(url: url, status: 503, body: "error inside the stream: overloaded; type server_error")) {
            try assembler.consume(event(#"{"error":{"message":"overloaded","type":"server_error","code":503}}"#))
        }
        var textCode = ChatStreamAssembler(url: url)
        #expect(throws: ChatModelError.http(url: url, status: 500, body: "error inside the stream: boom; code internal")) {
            try textCode.consume(event(#"{"error":{"message":"boom","code":"internal"}}"#))
        }
    }

    @Test func dataThatIsNotAChunkIsMalformed() {
        var assembler = ChatStreamAssembler(url: url)
        #expect(throws: ChatModelError.self) { try assembler.consume(event(#"{"choices":[{"delta":{"content":"Pla"#)) }
        #expect(throws: ChatModelError.self) { try assembler.consume(event(#"{"choices":"oops"}"#)) }
        #expect(throws: ChatModelError.self) { try assembler.consume(event("[1, 2]")) }
    }

    @Test func aStreamWithoutFinishReasonOrDoneIsIncomplete() throws {
        var assembler = ChatStreamAssembler(url: url)
        _ = try assembler.consume(event(#"{"choices":[{"delta":{"content":"Plant"}}]}"#))
        #expect(!assembler.isComplete)
        #expect(throws: ChatModelError.self) { try assembler.completion(configuredModel: "m", attempts: 1) }

        _ = try assembler.consume(event(#"{"choices":[{"delta":{},"finish_reason":"length"}]}"#))
        let completion = try assembler.completion(configuredModel: "m", attempts: 2)
        #expect(completion.content == "Plant")
        #expect(completion.finishReason == "length")
        #expect(completion.model == "m")
        #expect(completion.usage == nil)
    }
}
