import AgriQAAnswering
import AgriQAChatModel
import Foundation
import Hummingbird

/// `POST /v1/ask`: a grounded, cited answer for the asker's location; JSON, or server-sent events
/// (`sources`, `delta`…, `done`) with `"stream": true` or `Accept: text/event-stream`.
enum AskRoutes {
    static func register(on router: Router<AgriQARequestContext>, environment: ServerEnvironment, registry: RouteRegistry) {
        router.route(.post, "/v1/ask", in: registry) { request, _ in
            let body = try await JSONBody.decode(AskBody.self, from: request, limit: environment.configuration.maxJSONBytes)
            let answerRequest = try makeRequest(
                question: body.question, location: body.location,
                history: (body.history ?? []).map { ChatMessage(role: $0.role, content: $0.content) },
                k: body.k, mode: body.mode, environment: environment)
            if body.stream ?? ServerSentEvent.wanted(by: request) {
                return streamingResponse(answerRequest, environment: environment)
            }
            let answer = try await answerOnce(answerRequest, environment: environment)
            return try JSONResponse.make(answer)
        }
    }

    /// Validates a question the way every answering route does (400s naming the field).
    static func makeRequest(
        question: String, location: String?, history: [ChatMessage], k: Int?, mode: String?, environment: ServerEnvironment
    ) throws -> AnswerRequest {
        let configuration = environment.configuration
        let trimmed = question.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw APIError.badRequest("the question is empty", field: "question") }
        guard question.count <= configuration.maxQuestionCharacters else {
            throw APIError.badRequest(
                "the question is \(question.count) characters long; the limit is \(configuration.maxQuestionCharacters)",
                field: "question", code: "question_too_long")
        }
        let k = k ?? configuration.defaultK
        guard AnswerRequest.kRange.contains(k) else {
            throw APIError.badRequest(
                "k must be \(AnswerRequest.kRange.lowerBound)…\(AnswerRequest.kRange.upperBound), not \(k)", field: "k")
        }
        var preference = AnswerModePreference.auto
        if let mode {
            guard let parsed = AnswerModePreference(rawValue: mode) else {
                throw APIError.badRequest(
                    "mode must be one of \(AnswerModePreference.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(mode)\"",
                    field: "mode")
            }
            preference = parsed
        }
        if preference == .model && environment.model == nil {
            throw APIError.badRequest(AnswerError.modelNotConfigured.description, field: "mode", code: "model_not_configured")
        }
        guard history.count <= 50 else { throw APIError.badRequest("history holds at most 50 turns", field: "history") }
        let region = try LocationResolver.resolve(location, gazetteer: environment.gazetteer)
        return AnswerRequest(question: question, location: region, history: history, k: k, mode: preference)
    }

    static func answerOnce(_ request: AnswerRequest, environment: ServerEnvironment) async throws -> Answer {
        let answers = environment.answers
        do {
            let answer = try await withDeadline(seconds: environment.configuration.requestTimeoutSeconds) {
                try await answers.answer(request)
            }
            record(answer, in: environment.metrics)
            return answer.withFileNames
        } catch let error as AnswerError {
            throw apiError(error)
        }
    }

    static func record(_ answer: Answer, in metrics: ServerMetrics) {
        metrics.observeStage("rewrite", seconds: answer.timings.rewriteMs / 1000)
        metrics.observeStage("retrieval", seconds: answer.timings.retrievalMs / 1000)
        if answer.timings.generationMs > 0 { metrics.observeStage("generation", seconds: answer.timings.generationMs / 1000) }
        metrics.countAnswer(mode: answer.mode.rawValue, fellBack: answer.mode == .extractiveFallback)
    }

    static func apiError(_ error: AnswerError) -> APIError {
        if error.isRequestError { return APIError.badRequest(error.description, code: "invalid_question") }
        switch error {
        case .model: return APIError(.badGateway, code: "model_error", message: error.description)
        case .cancelled: return APIError(.serviceUnavailable, code: "cancelled", message: error.description)
        default: return APIError.internalError(error.description)
        }
    }

    /// The SSE response. When the client disconnects, writing fails, the loop ends and the answer
    /// stream (and with it the upstream model request) is cancelled.
    static func streamingResponse(_ request: AnswerRequest, environment: ServerEnvironment) -> Response {
        let answers = environment.answers
        let metrics = environment.metrics
        return Response(
            status: .ok, headers: ServerSentEvent.headers,
            body: ResponseBody { writer in
                do {
                    for try await event in answers.stream(request) {
                        switch event {
                        case .sources(let citations):
                            try await writer.write(ServerSentEvent.encode(event: "sources", json: ["sources": citations.map(\.withFileName)]))
                        case .delta(let text):
                            try await writer.write(ServerSentEvent.encode(event: "delta", json: ["text": text]))
                        case .done(let answer):
                            record(answer, in: metrics)
                            try await writer.write(ServerSentEvent.encode(event: "done", json: answer.withFileNames))
                        }
                    }
                } catch let error as AnswerError {
                    let apiError = apiError(error)
                    try await writer.write(ServerSentEvent.encode(event: "error", json: APIError.Body(
                        status: Int(apiError.status.code), code: apiError.code, message: apiError.message)))
                }
                try await writer.finish(nil)
            })
    }
}
