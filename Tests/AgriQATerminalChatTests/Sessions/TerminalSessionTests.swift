import AgriQAFakeChatServer
import Foundation
import Testing

/// A real `agriqa chat` session in a pseudo-terminal (tmux), answering with the fake model
/// endpoint: ask, follow up, change location (an unknown name first), open a source, cancel a
/// slowly streamed answer with Ctrl-C, drop a half-typed line with Ctrl-C, save, quit.
@Suite(.serialized) struct TerminalSessionTests {
    /// The fake model: rewrites follow-ups, answers, and streams slowly when asked to.
    static func responder(_ request: FakeChatRequest) async -> FakeChatBehaviour {
        let system = request.messages.first?.content ?? ""
        let user = request.lastUserMessage ?? ""
        if system.contains("Rewrite the farmer's follow-up") {
            if user.contains("Follow-up: How deep") { return .reply("How deep should winter wheat be planted on the Palouse?") }
            // Anything else stands alone: the follow-up as it is.
            let followUp = user.components(separatedBy: "Follow-up: ").last?.components(separatedBy: "\n").first
            return .reply(followUp ?? "")
        }
        let question = user.components(separatedBy: "Question: ").last ?? ""
        if question.contains("slowly") {
            return .stream(["Slow answer:"] + (1...400).map { " word\($0)" }, delay: .milliseconds(150))
        }
        if question.contains("How deep") { return .reply("Plant winter wheat one to two inches deep into moist soil [1].") }
        return .reply("Seed winter wheat on the Palouse from late September to mid-October [1].")
    }

    @Test(.enabled(if: ChatBinary.exists && TmuxSession.available))
    func askFollowUpLocateOpenCancelSaveQuit() async throws {
        let index = try await ChatBinary.corpusIndex.path
        let fake = try await FakeChatServer.start(responder: Self.responder)
        let directory = try ChatBinary.temporaryDirectory("tty")
        let state = directory.appendingPathComponent("state")
        let transcript = directory.appendingPathComponent("wheat chat.md")
        guard let binary = ChatBinary.url else { return }
        // The shell tmux starts reports the chat's exit status in the pane.
        let command = [
            binary.path, "chat", "--index", index, "--location", "Whitman County, Washington",
            "--model-url", fake.baseURL.absoluteString, "--model-timeout", "60", "--model-retries", "0",
        ].map(Self.shellQuote).joined(separator: " ") + "; echo \"agriqa chat exited with status $?\""
        let session = try TmuxSession(
            command: command,
            environment: ["XDG_STATE_HOME": state.path, "TERM": "xterm-256color", "NO_COLOR": "", "LANG": "C.UTF-8"],
            directory: directory)
        defer {
            session.stop()
            Task { await fake.stop() }
        }

        // Start-up banner and prompt.
        try await session.waitFor("agriqa (US-WA/53075)› ")
        var pane = try session.capture()
        #expect(pane.contains("answers: model agriqa"))
        #expect(pane.contains("Location: Whitman County, Washington, United States (US-WA/53075)"))

        // Ask: the model's streamed answer, then its sources with page and region relation.
        try session.enter("When is winter wheat seeded on the Palouse?")
        pane = try await session.waitFor("mode: model", count: 1)
        #expect(pane.contains("Seed winter wheat on the Palouse from late September to mid-October [1]."))
        #expect(pane.contains("\nSources\n[1] "))
        #expect(pane.contains("(your region)"))
        #expect(pane.contains("Winter Wheat Production in Eastern Washington, page"))

        // Follow-up: the earlier turn goes to the model, which rewrites the question.
        try session.enter("How deep should it be planted?")
        pane = try await session.waitFor("mode: model", count: 2)
        #expect(pane.contains("Plant winter wheat one to two inches deep into moist soil [1]."))
        #expect(pane.contains("asked as: How deep should winter wheat be planted on the Palouse?"))
        let rewrite = fake.requests.first { $0.messages.first?.content.contains("Rewrite the farmer's follow-up") == true }
        #expect(rewrite?.lastUserMessage?.contains("When is winter wheat seeded on the Palouse?") == true)

        // An unknown location gets suggestions; a known one changes the prompt.
        try session.enter("/location Whitmn")
        pane = try await session.waitFor("Did you mean")
        #expect(pane.contains("Unknown location \"Whitmn\". Did you mean: Whitman County (US-WA/53075)?"))
        try session.enter("/location Iowa")
        try await session.waitFor("agriqa (US-IA)› ")
        #expect(try session.capture().contains("Location: Iowa, United States (US-IA)"))

        // The full text of source 1 with its page.
        try session.enter("/open 1")
        pane = try await session.waitFor("source 1's text") { $0.components(separatedBy: "› /open 1").last?.contains("§ ") == true }
        let opened = pane.components(separatedBy: "› /open 1").last ?? ""
        #expect(opened.contains("\n[1] "))
        #expect(opened.contains("/corpus/"))

        // Ctrl-C during a slowly streamed answer cancels it, and the upstream request with it.
        try session.enter("Tell me slowly about winter wheat")
        try await session.waitFor("word3")
        try session.press("C-c")
        pane = try await session.waitFor("answer cancelled")
        #expect(await fake.waitForAbandonedResponses(1))
        #expect(!pane.contains("word400"))
        try await session.waitFor("the prompt after the cancel") {
            $0.components(separatedBy: "answer cancelled").last?.contains("agriqa (US-IA)› ") == true
        }

        // Ctrl-C at the prompt drops the half-typed line.
        try session.type("half typed")
        try await session.waitFor("half typed")
        try session.press("C-c")
        try session.enter("/k 4")
        pane = try await session.waitFor("Sources per answer: 4")
        #expect(!pane.contains("unknown command"))
        #expect(!pane.contains("half typed/k"))

        // Save the transcript, then quit.
        try session.enter("/save \(transcript.path)")
        try await session.waitFor("Saved 2 answers to \(transcript.path)")
        try session.enter("/quit")
        try await session.waitFor("agriqa chat exited with status 0")

        let markdown = try String(contentsOf: transcript, encoding: .utf8)
        #expect(markdown.contains("## 1. When is winter wheat seeded on the Palouse?"))
        #expect(markdown.contains("## 2. How deep should it be planted?"))
        #expect(markdown.contains("Seed winter wheat on the Palouse from late September to mid-October [1]."))
        #expect(markdown.occurrences(of: "**Sources**") == 2)
        #expect(markdown.contains("mode: model (agriqa"))
        #expect(markdown.contains("_Location: Iowa, United States (US-IA)_"))
        #expect(markdown.contains("_Cancelled: Tell me slowly about winter wheat_"))
        #expect(markdown.contains("`us-wa-winter-wheat.pdf`"))

        // The lines typed persist in the history file under XDG_STATE_HOME.
        let history = try String(contentsOf: state.appendingPathComponent("agriqa/chat_history"), encoding: .utf8)
        #expect(history.contains("/location\\040Iowa"))
        #expect(!history.contains("half\\040typed"))
    }

    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
