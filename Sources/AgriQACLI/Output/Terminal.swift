import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where output goes and whether it may use terminal features.
enum Terminal {
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Writes to standard output at once (unbuffered), for streamed text.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func bold(_ text: String) -> String {
        stdoutIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"] == nil ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    /// Dimmed (grey) on a terminal: secondary details such as timings.
    static func dim(_ text: String) -> String {
        stdoutIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"] == nil ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }

    /// Bold the query terms on a terminal; mark them with [brackets] otherwise.
    static func highlight(_ text: String, terms: [String]) -> String {
        guard !terms.isEmpty else { return text }
        let useColor = stdoutIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var result = ""
        var word = ""
        func flush() {
            let lower = word.lowercased()
            if !word.isEmpty, terms.contains(where: { lower == $0 || (lower.hasPrefix($0) && $0.count >= 4) }) {
                result += useColor ? "\u{1B}[1;33m\(word)\u{1B}[0m" : "[\(word)]"
            } else {
                result += word
            }
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    static var width: Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
