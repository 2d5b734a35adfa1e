import AgriQARetrieval
import Foundation
import Hummingbird

/// `POST /v1/search`: ranked chunks, as `agriqa search --json` prints them.
enum SearchRoutes {
    static func register(on router: Router<AgriQARequestContext>, environment: ServerEnvironment, registry: RouteRegistry) {
        router.route(.post, "/v1/search", in: registry) { request, _ in
            let body = try await JSONBody.decode(SearchBody.self, from: request, limit: environment.configuration.maxJSONBytes)
            let question = body.question
            guard !question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw APIError.badRequest("the question is empty", field: "question")
            }
            guard question.count <= environment.configuration.maxQuestionCharacters else {
                throw APIError.badRequest(
                    "the question is longer than \(environment.configuration.maxQuestionCharacters) characters",
                    field: "question", code: "question_too_long")
            }
            let k = body.k ?? 8
            guard (1...100).contains(k) else { throw APIError.badRequest("k must be 1…100, not \(k)", field: "k") }
            var mode = SearchMode.hybrid
            if let text = body.mode {
                guard let parsed = SearchMode(rawValue: text) else {
                    throw APIError.badRequest("mode must be hybrid, bm25 or dense, not \"\(text)\"", field: "mode")
                }
                mode = parsed
            }
            let perDocument = body.perDocument ?? 2
            guard perDocument >= 1 else { throw APIError.badRequest("perDocument must be at least 1", field: "perDocument") }
            let region = try LocationResolver.resolve(body.location, gazetteer: environment.gazetteer)
            let searcher = environment.searcher
            let options = SearchOptions(k: k, mode: mode, perDocument: perDocument)
            let start = ContinuousClock.now
            let response = try await withDeadline(seconds: environment.configuration.requestTimeoutSeconds) {
                try await searcher.search(question, location: region, options: options)
            }
            environment.metrics.observeStage("retrieval", seconds: start.duration(to: .now).seconds)
            return try JSONResponse.make(response.withFileNames)
        }
    }
}
