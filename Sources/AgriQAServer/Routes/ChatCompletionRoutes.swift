import AgriQAAnswering
import AgriQAChatModel
import Foundation
import Hummingbird

/// `POST /v1/chat/completions`: an OpenAI-compatible face, so existing OpenAI clients and chat UIs
/// can talk to AgriQA. The last user message is the question, earlier messages the history; the
/// answer is grounded and cited exactly as `/v1/ask`, and its sources travel under `agriqa`
/// (first and last chunk when streaming).
enum ChatCompletionRoutes {
    static func register(on router: Router<AgriQARequestContext>, environment: ServerEnvironment, registry: RouteRegistry) {
        router.route(.get, "/v1/models", in: registry) { _, _ in
            struct Model: Encodable { var id: String; var object = "model"; var owned_by = "agriqa" }
            struct List: Encodable { var object = "list"; var data: [Model] }
            return try JSONResponse.make(List(data: [Model(id: "agriqa")]))
        }

        router.route(.post, "/v1/chat/completions", in: registry) { request, _ in
            let body = try await JSONBody.decode(ChatCompletionBody.self, from: request, limit: environment.configuration.maxJSONBytes)
            var history: [ChatMessage] = []
            for (offset, message) in body.messages.enumerated() {
                guard let role = ChatMessage.Role(rawValue: message.role) else {
                    if message.role == "developer" || message.role == "tool" { continue }
                    throw APIError.badRequest(
                        "role must be system, user or assistant, not \"\(message.role)\"", field: "messages[\(offset)].role")
                }
                if role == .system { continue }  // AgriQA's own system rules apply
                history.append(ChatMessage(role: role, content: message.content?.text ?? ""))
            }
            guard let last = history.last, last.role == .user else {
                throw APIError.badRequest("the last message must be the user's question", field: "messages")
            }
            history.removeLast()
            let answerRequest = try AskRoutes.makeRequest(
                question: last.content, location: body.location ?? body.agriqa?.location, history: history,
                k: body.agriqa?.k, mode: body.agriqa?.mode, environment: environment)
            let id = "chatcmpl-agriqa-" + UUID().uuidString.lowercased().prefix(12)
            let created = Int(Date().timeIntervalSince1970)
            if body.stream ?? false {
                return streamingResponse(
                    answerRequest, id: String(id), created: created, includeUsage: body.stream_options?.include_usage ?? false,
                    environment: environment)
            }
            let answer = try await AskRoutes.answerOnce(answerRequest, environment: environment)
            return try JSONResponse.make(ChatCompletionWire.Completion(
                id: String(id), created: created, model: modelName(answer),
                choices: [.init(message: .init(content: answer.answer))], usage: .init(answer.usage), agriqa: answer))
        }
    }

    static func modelName(_ answer: Answer) -> String {
        answer.model ?? "agriqa-\(answer.mode.rawValue)"
    }

    static func streamingResponse(
        _ request: AnswerRequest, id: String, created: Int, includeUsage: Bool, environment: ServerEnvironment
    ) -> Response {
        let answers = environment.answers
        let metrics = environment.metrics
        let fallbackModel = environment.model?.modelID ?? "agriqa-extractive"
        return Response(
            status: .ok, headers: ServerSentEvent.headers,
            body: ResponseBody { writer in
                func send(_ chunk: ChatCompletionWire.Chunk) async throws {
                    try await writer.write(ServerSentEvent.encode(event: nil, json: chunk))
                }
                func chunk(_ delta: ChatCompletionWire.Chunk.Choice.Delta, finish: String? = nil, model: String? = nil)
                    -> ChatCompletionWire.Chunk
                {
                    let model = model ?? fallbackModel
                    return ChatCompletionWire.Chunk(
                        id: id, created: created, model: model, choices: [.init(delta: delta, finish_reason: finish)])
                }
                var streamed = ""
                do {
                    for try await event in answers.stream(request) {
                        switch event {
                        case .sources(let citations):
                            var first = chunk(.init(role: "assistant", content: ""))
                            first.agriqa = .init(sources: citations.map(\.withFileName))
                            try await send(first)
                        case .delta(let text):
                            streamed += text
                            try await send(chunk(.init(content: text)))
                        case .done(let answer):
                            AskRoutes.record(answer, in: metrics)
                            // OpenAI clients show the concatenated deltas: when nothing was streamed, or the
                            // model failed mid-stream and the extractive fallback replaces it, send the answer.
                            // (Smaller differences — a removed marker, a region note — are in `agriqa.answer`.)
                            if streamed.isEmpty {
                                try await send(chunk(.init(content: answer.answer), model: modelName(answer)))
                            } else if answer.mode == .extractiveFallback {
                                try await send(chunk(.init(content: "\n\n---\n" + answer.answer), model: modelName(answer)))
                            }
                            var last = chunk(.init(), finish: "stop", model: modelName(answer))
                            last.agriqa = .init(answer: answer.withFileNames)
                            try await send(last)
                            if includeUsage {
                                try await send(ChatCompletionWire.Chunk(
                                    id: id, created: created, model: modelName(answer), choices: [], usage: .init(answer.usage)))
                            }
                        }
                    }
                } catch let error as AnswerError {
                    let apiError = AskRoutes.apiError(error)
                    try await writer.write(ServerSentEvent.encode(event: nil, json: ["error": APIError.Body(
                        status: Int(apiError.status.code), code: apiError.code, message: apiError.message)]))
                }
                try await writer.write(ServerSentEvent.encode(event: nil, data: "[DONE]"))
                try await writer.finish(nil)
            })
    }
}
