import AgriQAAnswering
import Foundation

/// Where the chat writes: standard output for the conversation, standard error for problems in
/// piped human mode. Tests pass closures that capture the text instead.
struct ChatOutput: Sendable {
    var write: @Sendable (String) -> Void
    var writeError: @Sendable (String) -> Void

    static let standard = ChatOutput(write: { Terminal.write($0) }, writeError: { Terminal.writeError($0) })

    /// One compact JSON object and a newline (`--json` prints one object per line).
    static func jsonLine(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{\"error\":{\"message\":\"unencodable output\"}}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The `--json` shapes of what is not an answer.
enum ChatJSON {
    struct Message: Encodable {
        var command: String
        var message: String
    }

    struct Location: Encodable {
        var command = "location"
        var location: Place?
        struct Place: Encodable {
            var code: String
            var name: String
            var label: String
        }
    }

    struct Sources: Encodable {
        var command = "sources"
        var sources: [Citation]
    }

    struct Open: Encodable {
        var command = "open"
        var number: Int
        var source: SourceText
    }

    struct Failure: Encodable {
        struct Body: Encodable {
            var message: String
            var suggestions: [String]?
        }
        var error: Body

        init(_ error: ChatError) {
            self.error = Body(message: error.description, suggestions: error.suggestions.isEmpty ? nil : error.suggestions)
        }
    }
}
