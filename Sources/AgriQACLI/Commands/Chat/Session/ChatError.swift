/// Why a chat line could not be carried out. Shown to the user (or, with `--json`, as
/// `{"error": {...}}`), so each message says what to do next; the session goes on afterwards.
enum ChatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A line that starts with `/` but names no command.
    case unknownCommand(String, suggestion: String?)
    /// A command with a missing or malformed argument; the text says what it wants.
    case usage(String)
    /// The location is unknown or ambiguous; `suggestions` are the closest names the gazetteer has.
    case location(message: String, suggestions: [String])
    /// `/sources` or `/open` before any answer with sources.
    case noSources
    case sourceOutOfRange(Int, count: Int)
    /// `/model` without a chat model endpoint to switch.
    case modelUnavailable(String)
    /// The server answered with an error (`{"error": {...}}`).
    case server(status: Int, code: String, message: String)
    /// The server could not be reached, or broke off, or was too slow.
    case transport(String)
    /// The answerer refused the question (empty, too long, k out of range, …).
    case answer(String)
    /// Writing a file (`/save`) failed.
    case file(String)

    var description: String {
        switch self {
        case .unknownCommand(let name, let suggestion):
            let hint = suggestion.map { " Did you mean \($0)?" } ?? ""
            return "unknown command \(name).\(hint) /help lists the commands; start a question with // to ask one that begins with /."
        case .usage(let text):
            return text
        case .location(let message, let suggestions):
            guard !suggestions.isEmpty, !message.contains("Did you mean") else { return message }
            return message + " Did you mean: " + suggestions.joined(separator: ", ") + "?"
        case .noSources:
            return "there are no sources yet; ask a question first."
        case .sourceOutOfRange(let number, let count):
            return "there is no source \(number); the last answer has \(count) (give /open 1…\(count))."
        case .modelUnavailable(let text):
            return text
        case .server(let status, let code, let message):
            return "the server answered \(status) (\(code)): \(message)"
        case .transport(let text):
            return text
        case .answer(let text):
            return text
        case .file(let text):
            return text
        }
    }

    /// Suggestions a client can offer (closest location names).
    var suggestions: [String] {
        if case .location(_, let suggestions) = self { return suggestions }
        return []
    }
}
