import AgriQAAnswering

/// Prints one answer as it streams: the text as deltas arrive, then its sources, warnings and
/// mode (or, with `--json`, the whole answer as one JSON line). On a terminal a dim status line
/// shows while sources are retrieved and the model reads them.
struct AnswerPrinter: Sendable {
    var renderer: ChatRenderer
    var output: ChatOutput
    var json: Bool
    /// Show the transient status line (a terminal, not `--json`).
    var showsStatus: Bool

    /// What came of the answer.
    enum Outcome: Sendable {
        case answered(Answer)
        case failed(ChatError)
        /// Ctrl-C (the consuming task was cancelled).
        case cancelled
    }

    func play(_ events: AsyncThrowingStream<AnswerEvent, any Error>) async -> Outcome {
        var streamed = ""
        var statusShown = false
        func status(_ text: String) {
            guard showsStatus else { return }
            output.write("\r\u{1B}[2K" + renderer.style.dim(text))
            statusShown = true
        }
        func clearStatus() {
            if statusShown { output.write("\r\u{1B}[2K") }
            statusShown = false
        }
        /// Ends a half-written line before anything else is printed.
        func endLine() {
            clearStatus()
            if !streamed.isEmpty, !streamed.hasSuffix("\n") { output.write("\n") }
        }
        status("searching…")
        do {
            for try await event in events {
                switch event {
                case .sources(let citations):
                    if streamed.isEmpty { status(citations.isEmpty ? "no sources found…" : "answering from \(citations.count) sources…") }
                case .delta(let text):
                    guard !json else { continue }
                    clearStatus()
                    streamed += text
                    output.write(text)
                case .done(let answer):
                    if json {
                        clearStatus()
                        output.write(ChatOutput.jsonLine(answer))
                    } else {
                        endLine()
                        output.write(renderer.answerFooter(answer, streamed: streamed) + "\n")
                    }
                    return .answered(answer)
                }
            }
            endLine()
            if Task.isCancelled { return cancelled() }
            return .failed(.transport("the answer ended before it was complete; try again."))
        } catch let error as ChatError {
            endLine()
            return Task.isCancelled ? cancelled() : .failed(error)
        } catch {
            endLine()
            if Task.isCancelled || error is CancellationError { return cancelled() }
            return .failed(.transport("\(error)"))
        }
    }

    private func cancelled() -> Outcome {
        if !json { output.write(renderer.info("answer cancelled") + "\n") }
        return .cancelled
    }
}
