import AgriQAAnswering
import AgriQAChatModel
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Answers through a running `agriqa serve`: `POST /v1/ask` streamed as server-sent events,
/// `GET /v1/regions/resolve` and `/v1/regions?q=` for locations, `GET /v1/chunks/{id}` for a
/// source's text. The server picks the model and falls back to extractive answers itself.
struct RemoteChatBackend: ChatBackend {
    /// The server's root, without `/v1`: `http://127.0.0.1:8080`.
    let baseURL: URL
    /// Sent as `Authorization: Bearer` (a server with `requireKeyForReads` wants one).
    let apiKey: String?
    /// The whole of one answer, from the request to the `done` event.
    let timeout: Duration
    /// An answer stream silent for this long has stalled.
    let idleTimeout: Duration

    /// Accepts `http://host:port`, with or without a trailing `/` or `/v1`.
    static func baseURL(from text: String) throws(ChatError) -> URL {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.hasSuffix("/v1") { trimmed.removeLast(3) }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host?.isEmpty == false
        else {
            throw .usage("--server wants the URL `agriqa serve` printed, e.g. http://127.0.0.1:8080, not \"\(text)\".")
        }
        return url
    }

    var origin: String { "server \(baseURL.absoluteString)" }
    var modelID: String? { nil }

    func stream(_ question: ChatQuestion) -> AsyncThrowingStream<AnswerEvent, any Error> {
        let body = RemoteWire.AskBody(
            question: question.question, location: question.location?.code, history: question.history, k: question.k,
            mode: question.mode.rawValue, stream: true)
        var request = makeRequest("/v1/ask", method: "POST")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        request.httpBody = try? JSONEncoder().encode(body)
        let transfer = RemoteTransfer.start(request, timeout: timeout, idleTimeout: idleTimeout)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await Self.play(transfer, into: continuation)
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Reads the event stream of an answer and yields its events; an `error` event or a non-200
    /// answer becomes ``ChatError/server(status:code:message:)``.
    private static func play(
        _ transfer: RemoteTransfer, into continuation: AsyncThrowingStream<AnswerEvent, any Error>.Continuation
    ) async throws {
        var parser = ServerSentEventParser()
        var status = 0
        var errorBody = Data()
        var sawDone = false
        let decoder = JSONDecoder()
        func handle(_ event: ServerSentEvent) throws {
            let data = Data(event.data.utf8)
            switch event.event {
            case "sources":
                continuation.yield(.sources(try decoder.decode(RemoteWire.SourcesEvent.self, from: data).sources))
            case "delta":
                continuation.yield(.delta(try decoder.decode(RemoteWire.DeltaEvent.self, from: data).text))
            case "done":
                sawDone = true
                continuation.yield(.done(try decoder.decode(Answer.self, from: data)))
            case "error":
                let body = try? decoder.decode(RemoteWire.ErrorBody.self, from: data)
                throw ChatError.server(
                    status: body?.status ?? 500, code: body?.code ?? "error", message: body?.message ?? event.data)
            default:
                break
            }
        }
        do {
            for try await event in transfer.events {
                switch event {
                case .response(let response):
                    status = response.statusCode
                case .data(let data):
                    if status != 200 {
                        errorBody.append(data)
                        continue
                    }
                    for event in parser.feed(data) { try handle(event) }
                }
            }
            if status == 200, let last = parser.finish() { try handle(last) }
        } catch let error as DecodingError {
            throw ChatError.transport("the server's answer could not be read (\(error)); is --server an AgriQA server?")
        }
        if status != 200 { throw Self.serverError(status: status, body: errorBody) }
        guard sawDone else {
            throw ChatError.transport("the server ended the answer early; try again.")
        }
        continuation.finish()
    }

    func resolve(location: String) async throws(ChatError) -> ChatLocation {
        let (status, data) = try await get("/v1/regions/resolve", query: [URLQueryItem(name: "location", value: location)])
        if status == 200, let region = try? JSONDecoder().decode(RemoteWire.RegionBody.self, from: data) {
            return ChatLocation(code: region.code, name: region.name, label: region.label ?? region.name, region: nil)
        }
        let envelope = try? JSONDecoder().decode(RemoteWire.ErrorEnvelope.self, from: data)
        guard status == 400, let body = envelope?.error else { throw Self.serverError(status: status, body: data) }
        var suggestions = body.suggestions ?? []
        if suggestions.isEmpty {
            let (listStatus, listData) = try await get(
                "/v1/regions", query: [URLQueryItem(name: "q", value: location), URLQueryItem(name: "limit", value: "5")])
            if listStatus == 200, let list = try? JSONDecoder().decode(RemoteWire.RegionList.self, from: listData) {
                suggestions = list.regions.map { "\($0.name) (\($0.code))" }
            }
        }
        throw .location(message: body.message ?? "unknown location \"\(location)\"", suggestions: suggestions)
    }

    func sourceText(of citation: Citation) async throws(ChatError) -> SourceText {
        let (status, data) = try await get("/v1/chunks/\(citation.chunkID)")
        guard status == 200 else { throw Self.serverError(status: status, body: data) }
        guard let chunk = try? JSONDecoder().decode(RemoteWire.ChunkBody.self, from: data) else {
            throw .transport("the server's source text could not be read; is --server an AgriQA server?")
        }
        return SourceText(
            chunkID: chunk.chunkID, title: chunk.title, file: chunk.fileName, section: chunk.section,
            pageStart: chunk.pageStart, pageEnd: chunk.pageEnd, pageLabel: chunk.pageLabel, regions: chunk.regions,
            text: chunk.text)
    }

    func switchingModel(to id: String) throws(ChatError) -> any ChatBackend {
        throw .modelUnavailable(
            "the server chooses its chat model (agriqa serve --model-url/--model); /model works when the chat reads a local index.")
    }

    func status() async -> String {
        do {
            let (status, data) = try await get("/readyz")
            guard let readiness = try? JSONDecoder().decode(RemoteWire.Readiness.self, from: data) else {
                return "\(origin) answered \(status) to /readyz; is it an AgriQA server?"
            }
            return "\(origin) (\(readiness.index.detail)) · answers: \(readiness.answerMode) — \(readiness.model.detail)"
        } catch {
            return "\(origin): \(error)"
        }
    }

    /// Checks that the server answers at all (at start, so a wrong --server fails at once).
    func checkReachable() async throws(ChatError) {
        let (status, data) = try await get("/healthz")
        guard status == 200 else { throw Self.serverError(status: status, body: data) }
    }

    // MARK: HTTP

    private func makeRequest(_ path: String, method: String = "GET", query: [URLQueryItem] = []) -> URLRequest {
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query }
        var request = URLRequest(url: components?.url ?? baseURL)
        request.httpMethod = method
        if let apiKey, !apiKey.isEmpty { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        return request
    }

    /// A short GET: the status and the whole body, within `idleTimeout`.
    private func get(_ path: String, query: [URLQueryItem] = []) async throws(ChatError) -> (Int, Data) {
        let transfer = RemoteTransfer.start(makeRequest(path, query: query), timeout: idleTimeout, idleTimeout: idleTimeout)
        var status = 0
        var body = Data()
        do {
            for try await event in transfer.events {
                switch event {
                case .response(let response): status = response.statusCode
                case .data(let data): body.append(data)
                }
            }
        } catch let error as ChatError {
            throw error
        } catch {
            throw .transport("the request to \(origin) was cancelled.")
        }
        return (status, body)
    }

    /// An error answer as a ``ChatError``: the server's own message when the body is its JSON error.
    static func serverError(status: Int, body: Data) -> ChatError {
        if let envelope = try? JSONDecoder().decode(RemoteWire.ErrorEnvelope.self, from: body) {
            let error = envelope.error
            if error.code == "unknown_location" || error.code == "ambiguous_location" {
                return .location(message: error.message ?? "unknown location", suggestions: error.suggestions ?? [])
            }
            return .server(status: error.status ?? status, code: error.code ?? "error", message: error.message ?? "")
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return .server(status: status, code: "http_\(status)", message: text.isEmpty ? "no details" : text)
    }
}
