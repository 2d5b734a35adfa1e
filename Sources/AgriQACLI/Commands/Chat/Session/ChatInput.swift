import Foundation
import AgriQAAnswering

/// One line typed into the chat: a question, a slash command, or nothing.
enum ChatInput: Equatable, Sendable {
    case empty
    case question(String)
    case command(ChatAction)

    /// Parses a line. A line starting with `/` is a command (`//text` asks "/text"); anything else
    /// is a question. Throws ``ChatError`` for unknown commands and malformed arguments.
    static func parse(_ line: String) throws(ChatError) -> ChatInput {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .empty }
        guard text.hasPrefix("/") else { return .question(text) }
        if text.hasPrefix("//") { return .question(String(text.dropFirst())) }
        let body = text.dropFirst()
        let name = String(body.prefix { !$0.isWhitespace }).lowercased()
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        return .command(try ChatAction.parse(name: name, argument: argument))
    }
}

/// A slash command with its parsed argument.
enum ChatAction: Equatable, Sendable {
    /// `/location X` sets it (`/location none` clears it); `/location` alone shows it.
    case location(String?)
    case clearLocation
    case sources
    case open(Int)
    /// `/mode model|extractive|auto`; nil shows the current mode.
    case mode(AnswerModePreference?)
    /// `/model ID`; nil shows the current model.
    case model(String?)
    /// `/k N`; nil shows the current number of sources.
    case k(Int?)
    case clear
    case save(String)
    case help
    case quit

    /// Every command name with its aliases, for `/help` and for "did you mean".
    static let names = ["location", "sources", "open", "mode", "model", "k", "clear", "save", "help", "quit"]
    static let aliases = ["loc": "location", "l": "location", "src": "sources", "s": "sources", "o": "open",
                          "exit": "quit", "q": "quit", "bye": "quit", "?": "help", "h": "help"]

    static func parse(name typed: String, argument: String) throws(ChatError) -> ChatAction {
        let name = aliases[typed] ?? typed
        let hasArgument = !argument.isEmpty
        switch name {
        case "location":
            guard hasArgument else { return .location(nil) }
            if ["none", "-", "off", "clear"].contains(argument.lowercased()) { return .clearLocation }
            return .location(argument)
        case "sources":
            try noArgument(name, argument)
            return .sources
        case "open":
            guard let number = Int(argument.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))), number >= 1 else {
                throw .usage("give the number of a source of the last answer, e.g. /open 1 (/sources lists them).")
            }
            return .open(number)
        case "mode":
            guard hasArgument else { return .mode(nil) }
            guard let mode = AnswerModePreference(rawValue: argument.lowercased()) else {
                throw .usage("/mode takes model, extractive or auto, not \"\(argument)\".")
            }
            return .mode(mode)
        case "model":
            return .model(hasArgument ? argument : nil)
        case "k":
            guard hasArgument else { return .k(nil) }
            guard let k = Int(argument), AnswerRequest.kRange.contains(k) else {
                throw .usage(
                    "/k takes a number of sources from \(AnswerRequest.kRange.lowerBound) to \(AnswerRequest.kRange.upperBound), not \"\(argument)\".")
            }
            return .k(k)
        case "clear":
            try noArgument(name, argument)
            return .clear
        case "save":
            guard hasArgument else { throw .usage("give a file name, e.g. /save wheat-chat.md") }
            return .save(argument)
        case "help":
            return .help
        case "quit":
            return .quit
        default:
            throw .unknownCommand("/" + typed, suggestion: closest(to: typed).map { "/" + $0 })
        }
    }

    private static func noArgument(_ name: String, _ argument: String) throws(ChatError) {
        guard argument.isEmpty else { throw .usage("/\(name) takes no argument.") }
    }

    /// The command name nearest to `typed` (a prefix, or one or two typos away).
    static func closest(to typed: String) -> String? {
        guard !typed.isEmpty else { return nil }
        if let prefixed = names.first(where: { $0.hasPrefix(typed) }) { return prefixed }
        let scored = names.map { ($0, editDistance(Array(typed), Array($0))) }.min { $0.1 < $1.1 }
        guard let (name, distance) = scored, distance <= max(1, min(2, typed.count / 3)) else { return nil }
        return name
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
