import CLibEdit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Line editing and persistent history on a terminal, with libedit (emacs keys: arrows, Ctrl-A/E,
/// Ctrl-R searches the history; `~/.editrc` is honoured).
///
/// Ctrl-C while typing drops the line (the terminal's interrupt key is turned off while editing,
/// so it reaches libedit as a key bound to ``interruptKey``); Ctrl-D on an empty line ends input.
/// Every libedit call runs on one serial queue, off Swift's cooperative pool.
final class LineEditor: LineReader, @unchecked Sendable {
    // @unchecked: the libedit handles and the prompt buffer are only touched on `queue`.
    private let queue = DispatchQueue(label: "agriqa.chat.libedit")
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    /// The prompt libedit shows, a C string owned here and handed to libedit as client data.
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>
    private let errors: UnsafeMutablePointer<FILE>

    /// The marker ``interruptKey`` puts into a line dropped with Ctrl-C.
    static let interruptMarker: Character = "\u{03}"

    /// Opens libedit on standard input and output; nil when libedit cannot start there.
    /// `historyPath` nil keeps history for this session only.
    init?(historyPath: String?) {
        setlocale(LC_CTYPE, "")  // libedit reads multibyte (UTF-8) input through the C locale
        guard let input = fdopen(STDIN_FILENO, "r"), let output = fdopen(STDOUT_FILENO, "w"),
            let errors = fdopen(STDERR_FILENO, "w")
        else { return nil }
        guard let editLine = el_init("agriqa", input, output, errors), let history = history_init() else { return nil }
        self.input = input
        self.output = output
        self.errors = errors
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath

        _ = agriqa_history_set_size(history, 1000)
        _ = agriqa_history_set_unique(history, 1)
        if let historyPath { _ = agriqa_history_load(history, historyPath) }
        _ = agriqa_el_set_history(editLine, history)
        _ = agriqa_el_set_editor(editLine, "emacs")
        _ = agriqa_el_set_prompt_esc(editLine, Self.promptFunction, 1)
        _ = agriqa_el_add_function(editLine, "agriqa-interrupt", "Drop the line being typed", Self.interruptKey)
        _ = agriqa_el_bind(editLine, "^C", "agriqa-interrupt")
        _ = agriqa_el_bind(editLine, "^R", "em-inc-search-prev")
        // While editing, Ctrl-C is a key, not SIGINT (answers are cancelled through SIGINT).
        _ = agriqa_el_set_edit_tty(editLine, "-isig")
        _ = el_source(editLine, nil)
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptBuffer)
    }

    func readLine(prompt: String) async -> LineEvent {
        await withCheckedContinuation { continuation in
            queue.async { [self] in
                continuation.resume(returning: read(prompt: prompt))
            }
        }
    }

    func remember(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return }
        queue.async { [self] in
            _ = agriqa_history_enter(history, trimmed)
            if let historyPath { _ = agriqa_history_save(history, historyPath) }
        }
    }

    /// One `el_gets` (on `queue`).
    private func read(prompt: String) -> LineEvent {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        _ = agriqa_el_set_client_data(editLine, promptBuffer)
        el_resize(editLine)  // the window may have changed size since the last line
        var count: Int32 = 0
        guard let pointer = el_gets(editLine, &count), count > 0 else { return .endOfInput }
        var line = String(cString: pointer)
        if line.hasSuffix("\n") { line.removeLast() }
        if line.contains(Self.interruptMarker) { return .interrupted }
        return .line(line)
    }

    /// libedit's prompt callback: the prompt stored as client data.
    private static let promptFunction: agriqa_prompt_fn = { editLine in
        guard let editLine, let data = agriqa_el_client_data(editLine) else { return nil }
        return data.assumingMemoryBound(to: CChar.self)
    }

    /// Bound to Ctrl-C: moves to the end of the line, marks it as dropped (libedit shows the mark
    /// as `^C`) and pushes a Return, so the line ends as usual and the next prompt starts on a
    /// fresh, empty line; ``read(prompt:)`` drops lines with the mark.
    private static let interruptKey: agriqa_key_fn = { editLine, _ in
        guard let editLine, let info = el_line(editLine), let cursor = info.pointee.cursor,
            let last = info.pointee.lastchar
        else { return UInt8(CC_ERROR) }
        let toEnd = cursor.distance(to: last)
        if toEnd > 0 { _ = el_cursor(editLine, Int32(toEnd)) }
        _ = el_insertstr(editLine, "\u{03}")
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }
}
