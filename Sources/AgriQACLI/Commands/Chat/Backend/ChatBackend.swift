import AgriQAAnswering
import AgriQAChatModel
import AgriQADomain

/// Where the chat's answers come from: the local index (``LocalChatBackend``) or a running
/// `agriqa serve` (``RemoteChatBackend``). Both speak in the answering service's own types.
protocol ChatBackend: Sendable {
    /// "index index/agriqa.sqlite", "server http://127.0.0.1:8080": for the banner and transcript.
    var origin: String { get }
    /// The chat model asked for answers, or nil when answers are extractive (or chosen by the server).
    var modelID: String? { get }

    /// The answer as events (`sources`, `delta`…, `done`); cancelling the consuming task stops the
    /// work, the model request included. Throws ``ChatError``.
    func stream(_ question: ChatQuestion) -> AsyncThrowingStream<AnswerEvent, any Error>

    /// Resolves a typed location (code, name or lat,lon), or says which names come closest.
    func resolve(location: String) async throws(ChatError) -> ChatLocation

    /// The full text of a cited source, with its page.
    func sourceText(of citation: Citation) async throws(ChatError) -> SourceText

    /// The same backend answering with another model id (`/model ID`).
    func switchingModel(to id: String) throws(ChatError) -> any ChatBackend

    /// One line on how answers will be made (model reachable, extractive, …), checked at start.
    func status() async -> String
}

/// A question with everything the session adds to it.
struct ChatQuestion: Sendable, Equatable {
    var question: String
    var location: ChatLocation?
    /// Earlier turns, oldest first, so follow-ups can be rewritten into standalone questions.
    var history: [ChatMessage]
    var k: Int
    var mode: AnswerModePreference
}

/// A resolved location: its code, its name, and (locally) the region itself.
struct ChatLocation: Sendable, Equatable {
    var code: String
    var name: String
    /// The name with its parents: "Whitman County, Washington, United States".
    var label: String
    /// The gazetteer's region (local mode); remote mode sends `code` to the server.
    var region: Region?
}

/// A cited source's whole text (what `/open N` shows).
struct SourceText: Sendable, Equatable, Codable {
    var chunkID: Int64
    var title: String
    /// The document's file (a path locally, a file name from a server).
    var file: String
    var section: String
    var pageStart: Int?
    var pageEnd: Int?
    var pageLabel: String?
    var regions: [String]
    var text: String

    /// "p. 3", "pp. 3–4", "page iv (p. 6)"; nil for sources without pages (Q&A records).
    var pageDescription: String? {
        Citation(
            number: 0, chunkID: chunkID, documentID: 0, title: title, path: file, pageLabel: pageLabel,
            pageStart: pageStart, pageEnd: pageEnd
        ).pageDescription
    }
}
