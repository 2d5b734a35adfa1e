import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Colour (ANSI) on a terminal; plain text when standard output is not one, when `NO_COLOR` is set
/// (https://no-color.org: present and not empty) or when `TERM` is `dumb`.
struct ChatStyle: Sendable, Equatable {
    var colour: Bool

    static let plain = ChatStyle(colour: false)

    static func detect(
        stdoutIsTTY: Bool = isatty(STDOUT_FILENO) == 1,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ChatStyle {
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return ChatStyle(colour: stdoutIsTTY && !noColour && environment["TERM"] != "dumb")
    }

    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func red(_ text: String) -> String { paint(text, "31") }
    func green(_ text: String) -> String { paint(text, "32") }
    func yellow(_ text: String) -> String { paint(text, "33") }
    func cyan(_ text: String) -> String { paint(text, "36") }

    private func paint(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
