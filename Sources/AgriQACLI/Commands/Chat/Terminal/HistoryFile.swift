import Foundation

/// Where the chat keeps the lines typed, across sessions: `$XDG_STATE_HOME/agriqa/chat_history`,
/// else `~/.local/state/agriqa/chat_history` (the XDG base directory rule for state).
enum HistoryFile {
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        // XDG: a relative XDG_STATE_HOME is invalid and must be ignored.
        let state = value("XDG_STATE_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (value("HOME") ?? NSHomeDirectory()) + "/.local/state"
        return state + "/agriqa/chat_history"
    }

    /// Creates the file's folder (private to the user: questions can be sensitive); false when
    /// that fails, and the history is then kept for this session only.
    static func prepare(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            return true
        } catch {
            return false
        }
    }
}
