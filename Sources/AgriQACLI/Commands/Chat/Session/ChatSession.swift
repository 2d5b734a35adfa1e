import AgriQAAnswering
import AgriQAChatModel
import Foundation

/// The conversation: its settings (location, mode, k, backend), the turns so far and the
/// transcript, and what each line typed does. Used by one task at a time.
final class ChatSession {
    private(set) var backend: any ChatBackend
    private(set) var location: ChatLocation?
    private(set) var k: Int
    private(set) var mode: AnswerModePreference
    /// Earlier turns passed to the answerer, so follow-ups can be rewritten into standalone questions.
    private(set) var history: [ChatMessage] = []
    private(set) var lastAnswer: Answer?
    private(set) var transcript: Transcript
    let renderer: ChatRenderer
    let output: ChatOutput
    /// `--json`: every line of output is one JSON object.
    let json: Bool
    /// Errors go to standard error (piped human mode) rather than into the conversation.
    let errorsToStandardError: Bool

    /// The most earlier messages (questions and answers) kept for follow-ups.
    static let historyLimit = 12

    /// What a line did.
    enum Outcome: Equatable {
        case done
        /// The line failed (unknown command or location, failed answer); piped runs exit 1.
        case failed
        case quit
    }

    init(
        backend: any ChatBackend, location: ChatLocation?, k: Int, mode: AnswerModePreference, renderer: ChatRenderer,
        output: ChatOutput, json: Bool, errorsToStandardError: Bool
    ) {
        self.backend = backend
        self.location = location
        self.k = k
        self.mode = mode
        self.renderer = renderer
        self.output = output
        self.json = json
        self.errorsToStandardError = errorsToStandardError
        transcript = Transcript(origin: backend.origin)
        if let location { transcript.note("Location: \(location.label) (\(location.code))") }
    }

    /// The prompt: "agriqa (US-WA)› ", coloured on a terminal; `\u{1}` brackets the escapes for libedit.
    var prompt: String {
        let place = location.map { " (\($0.code))" } ?? ""
        guard renderer.style.colour else { return "agriqa\(place)› " }
        return "\u{1}\u{1B}[1;32m\u{1}agriqa\u{1}\u{1B}[0m\u{1}\(place)› "
    }

    /// Carries out one line. Questions are streamed; Ctrl-C (through `interrupts`) cancels them.
    func handle(_ line: String, interrupts: InterruptMonitor) async -> Outcome {
        let input: ChatInput
        do {
            input = try ChatInput.parse(line)
        } catch {
            return fail(error)
        }
        switch input {
        case .empty:
            return .done
        case .question(let question):
            return await ask(question, interrupts: interrupts)
        case .command(let action):
            do {
                return try await perform(action)
            } catch {
                return fail(error)
            }
        }
    }

    // MARK: Questions

    func ask(_ question: String, interrupts: InterruptMonitor) async -> Outcome {
        let request = ChatQuestion(question: question, location: location, history: history, k: k, mode: mode)
        let printer = AnswerPrinter(
            renderer: renderer, output: output, json: json, showsStatus: renderer.style.colour && !json)
        let backend = self.backend
        let task = Task { await printer.play(backend.stream(request)) }
        let outcome = await interrupts.whileRunning(cancel: { task.cancel() }) { await task.value }
        switch outcome {
        case .answered(let answer):
            history.append(.user(question))
            history.append(.assistant(answer.answer))
            if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
            lastAnswer = answer
            transcript.append(answer)
            return .done
        case .cancelled:
            transcript.note("Cancelled: \(question)")
            return .done
        case .failed(let error):
            return fail(error)
        }
    }

    // MARK: Commands

    private func perform(_ action: ChatAction) async throws(ChatError) -> Outcome {
        switch action {
        case .location(nil):
            showLocation()
        case .location(let text?):
            let resolved = try await backend.resolve(location: text)
            location = resolved
            transcript.note("Location: \(resolved.label) (\(resolved.code))")
            showLocation()
        case .clearLocation:
            location = nil
            transcript.note("Location cleared")
            showLocation()
        case .sources:
            guard let answer = lastAnswer, !answer.citations.isEmpty else { throw .noSources }
            if json {
                output.write(ChatOutput.jsonLine(ChatJSON.Sources(sources: answer.citations)))
            } else {
                output.write(renderer.sources(answer.citations, withSnippets: true) + "\n")
            }
        case .open(let number):
            guard let answer = lastAnswer, !answer.citations.isEmpty else { throw .noSources }
            guard let citation = answer.citations.first(where: { $0.number == number }) else {
                throw .sourceOutOfRange(number, count: answer.citations.count)
            }
            let source = try await backend.sourceText(of: citation)
            if json {
                output.write(ChatOutput.jsonLine(ChatJSON.Open(number: number, source: source)))
            } else {
                output.write(renderer.sourceText(source, number: number) + "\n")
            }
        case .mode(nil):
            say("mode", "Mode: \(mode.rawValue)" + modelSuffix)
        case .mode(let wanted?):
            if wanted == .model, backend is LocalChatBackend, backend.modelID == nil {
                throw .modelUnavailable(AnswerError.modelNotConfigured.description)
            }
            mode = wanted
            say("mode", "Mode: \(wanted.rawValue)" + modelSuffix)
        case .model(nil):
            say("model", backend.modelID.map { "Model: \($0)" } ?? "No chat model: answers are extractive (or the server's choice).")
        case .model(let id?):
            backend = try backend.switchingModel(to: id)
            transcript.note("Model: \(id)")
            say("model", "Model: \(id)")
        case .k(nil):
            say("k", "Sources per answer: \(k)")
        case .k(let value?):
            k = value
            say("k", "Sources per answer: \(value)")
        case .clear:
            history.removeAll()
            lastAnswer = nil
            transcript.note("Conversation cleared")
            say("clear", "Conversation cleared: the next question starts afresh.")
        case .save(let file):
            let path = try save(to: file)
            say("save", "Saved \(transcript.answerCount) answer\(transcript.answerCount == 1 ? "" : "s") to \(path)")
        case .help:
            say("help", renderer.help())
        case .quit:
            return .quit
        }
        return .done
    }

    private var modelSuffix: String {
        guard mode != .extractive, let model = backend.modelID else { return "" }
        return " (model \(model))"
    }

    private func showLocation() {
        if json {
            let place = location.map { ChatJSON.Location.Place(code: $0.code, name: $0.name, label: $0.label) }
            output.write(ChatOutput.jsonLine(ChatJSON.Location(location: place)))
            return
        }
        let text = location.map { "Location: \($0.label) (\($0.code))" } ?? "No location: sources from every region rank alike."
        output.write(renderer.info(text) + "\n")
    }

    /// Writes the transcript as Markdown; returns the path written.
    func save(to file: String) throws(ChatError) -> String {
        let path = (file as NSString).expandingTildeInPath
        do {
            try Data(transcript.markdown().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .file("cannot write \(path): \(error.localizedDescription); give a path in a folder you can write to.")
        }
        return path
    }

    // MARK: Output

    private func say(_ command: String, _ text: String) {
        if json {
            output.write(ChatOutput.jsonLine(ChatJSON.Message(command: command, message: text)))
        } else {
            output.write(text + "\n")
        }
    }

    private func fail(_ error: ChatError) -> Outcome {
        if json {
            output.write(ChatOutput.jsonLine(ChatJSON.Failure(error)))
        } else if errorsToStandardError {
            output.writeError("error: \(error.description)\n")
        } else {
            output.write(renderer.error(error.description) + "\n")
        }
        return .failed
    }
}
