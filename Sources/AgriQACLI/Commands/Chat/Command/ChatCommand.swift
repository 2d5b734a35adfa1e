import AgriQAAnswering
import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `agriqa chat`: a terminal conversation with the index or with a running server.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Chat with AgriQA in the terminal: streamed, cited answers for your location, with follow-ups.",
        discussion: """
            Answers from the local index (--index, default index/agriqa.sqlite) or from a running `agriqa serve` \
            (--server URL). Answers stream as they are written, with their sources (document, page, region) \
            listed underneath; follow-up questions may refer to earlier answers. Without a chat model, or when \
            the model is down or slow, answers are extractive (cited sentences from the sources), as with \
            `agriqa ask`.

            Commands: /location X, /sources, /open N, /mode model|extractive|auto, /model ID, /k N, /clear, \
            /save FILE, /help, /quit. Keys: Ctrl-C cancels the answer being written (or clears the line being \
            typed), Ctrl-D leaves, ↑/↓ and Ctrl-R walk the history kept in \
            $XDG_STATE_HOME/agriqa/chat_history (~/.local/state/agriqa/chat_history).

            With standard input not a terminal, each line is a question (or a command) and the answers are \
            printed; --json prints one JSON object per line (answers as `agriqa ask --json` gives them). \
            Exit status: 0; 1 when a piped line failed or the chat could not start; 130 when Ctrl-C stopped \
            piped input.

            Examples:
              agriqa chat --location "Whitman County, Washington"
              agriqa chat --server http://127.0.0.1:8080 --location US-WA
              agriqa chat --model-url http://127.0.0.1:8081/v1 --model agriqa-ft
              printf 'When is winter wheat seeded?\\n/location Iowa\\nAnd corn?\\n' | agriqa chat --json
            See docs/chat.md.
            """)

    @Option(help: ArgumentHelp("Your location: region code (US-WA), place name, or lat,lon. /location changes it.", valueName: "location"))
    var location: String?

    @Option(
        help: ArgumentHelp(
            "Talk to a running `agriqa serve` at this URL (e.g. http://127.0.0.1:8080) instead of reading an index. API key for a server that wants one: AGRIQA_API_KEY.",
            valueName: "url"))
    var server: String?

    @Option(name: .customLong("k"), help: "Sources to retrieve per answer (/k changes it).")
    var k = AnswerRequest.defaultK

    @Option(help: "auto (model when configured), model, or extractive (/mode changes it).")
    var mode: AnswerModePreference = .auto

    @Flag(help: "One JSON object per line (answers, command results, errors); reads lines without line editing.")
    var json = false

    @Flag(name: .customLong("no-history"), help: "Neither read nor write the history file.")
    var noHistory = false

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var embedderOptions: EmbedderOptions
    @OptionGroup var modelOptions: ModelOptions

    func validate() throws {
        guard AnswerRequest.kRange.contains(k) else {
            throw ValidationError("--k must be \(AnswerRequest.kRange.lowerBound)…\(AnswerRequest.kRange.upperBound)")
        }
        if server != nil, indexOptions.index != nil {
            throw ValidationError("give either --index (answer from a local index) or --server (ask a running agriqa serve), not both")
        }
    }

    func run() async throws {
        let setup = try await ChatSetup.make(self)
        defer { setup.localModel?.stop() }
        let interactive = isatty(STDIN_FILENO) == 1 && !json
        let style = ChatStyle.detect()
        let renderer = ChatRenderer(style: style)
        var initialLocation: ChatLocation?
        if let location {
            do {
                initialLocation = try await setup.backend.resolve(location: location)
            } catch {
                throw CLIError(error.description)
            }
        }
        let session = ChatSession(
            backend: setup.backend, location: initialLocation, k: k, mode: mode, renderer: renderer, output: .standard,
            json: json, errorsToStandardError: !interactive)
        let reader: any LineReader
        if interactive {
            let path = noHistory ? nil : HistoryFile.path()
            let historyPath = path.flatMap { HistoryFile.prepare($0) ? $0 : nil }
            guard let editor = LineEditor(historyPath: historyPath) else {
                throw CLIError("cannot start line editing on this terminal; pipe the questions in instead (agriqa chat < questions.txt).")
            }
            reader = editor
            Terminal.write(renderer.info(await setup.backend.status()) + "\n")
            if let initialLocation { Terminal.write(renderer.info("Location: \(initialLocation.label) (\(initialLocation.code))") + "\n") }
            Terminal.write(renderer.info("Ask a question; /help lists the commands, Ctrl-D leaves.") + "\n")
        } else {
            reader = PlainLineReader()
        }
        let status = await ChatLoop(session: session, reader: reader, interactive: interactive).run()
        if status != 0 { throw ExitCode(status) }
    }
}
