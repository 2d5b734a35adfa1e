import Foundation

/// What reading a line gave.
enum LineEvent: Sendable, Equatable {
    case line(String)
    /// Ctrl-C at the prompt: the line was dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// Where the chat's lines come from: libedit on a terminal, plain lines otherwise.
protocol LineReader: AnyObject, Sendable {
    /// Waits for the next line (on a thread of its own, never on the cooperative pool).
    func readLine(prompt: String) async -> LineEvent
    /// Adds a line to the history (and its file), when there is one.
    func remember(_ line: String)
}

/// Reads standard input line by line, without a prompt: for scripts and pipes.
final class PlainLineReader: LineReader, @unchecked Sendable {
    // @unchecked: no mutable state; reads happen one at a time on `queue`.
    private let queue = DispatchQueue(label: "agriqa.chat.stdin")

    func readLine(prompt: String) async -> LineEvent {
        await withCheckedContinuation { continuation in
            queue.async {
                if let line = Swift.readLine(strippingNewline: true) {
                    continuation.resume(returning: .line(line))
                } else {
                    continuation.resume(returning: .endOfInput)
                }
            }
        }
    }

    func remember(_ line: String) {}
}
