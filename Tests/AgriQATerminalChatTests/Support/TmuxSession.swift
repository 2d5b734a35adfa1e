import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real terminal session: `agriqa chat` running in a tmux pane (a pseudo-terminal) on a private
/// tmux server, driven with `send-keys` and read with `capture-pane`.
final class TmuxSession: @unchecked Sendable {
    // @unchecked: immutable after init.
    static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { executable != nil }

    private let socket: String
    let name = "chat"

    /// Starts `command` (a shell command line) in a detached 160×50 session with `environment`.
    init(command: String, environment: [String: String], directory: URL) throws {
        socket = directory.appendingPathComponent("tmux.sock").path
        var arguments = ["new-session", "-d", "-s", name, "-x", "160", "-y", "50"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command)
        try tmux(arguments)
        // Keep the pane after the chat exits, to read its last words and exit status.
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
        try tmux(["set-option", "-t", name, "history-limit", "10000"])
    }

    /// Ends the tmux server and whatever still runs in it. The test process may exit before
    /// this object is released, so tests call it themselves.
    func stop() {
        _ = try? tmux(["kill-server"])
    }

    deinit {
        stop()
    }

    /// Types `text` literally (no key names), without Return.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Sends key names: "Enter", "C-c", "C-d", "Up".
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Types a line and presses Return.
    func enter(_ line: String) throws {
        try type(line)
        try press("Enter")
    }

    /// Everything the pane shows, scroll-back included, wrapped lines joined.
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-t", name, "-S", "-10000"])
    }

    /// Waits until `predicate` holds for the pane's text; returns that text. `limit` is only an
    /// upper bound that keeps a broken session from hanging the test (nothing is timed).
    @discardableResult
    func waitFor(_ what: String, limit: Duration = .seconds(90), _ predicate: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + limit
        while true {
            let text = try capture()
            if predicate(text) { return text }
            guard ContinuousClock.now < deadline else {
                throw ChatTestError("the chat never showed \(what); the pane held:\n\(text)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Waits until the pane shows `text` `count` times in all.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, limit: Duration = .seconds(90)) async throws -> String {
        try await waitFor("\"\(text)\" ×\(count)", limit: limit) { $0.occurrences(of: text) >= count }
    }

    /// Runs tmux and returns what it printed. Spawned and reaped directly (posix_spawn, waitpid):
    /// `new-session` forks the tmux server, which must not inherit a pipe the test waits on.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        guard let executable = Self.executable else { throw ChatTestError("tmux is not installed") }
        let prints = ["capture-pane", "list-panes"].contains(arguments.first ?? "")
        let argv = [executable, "-f", "/dev/null", "-S", socket] + arguments
        var pipe: [Int32] = [-1, -1]
        guard Glibc.pipe(&pipe) == 0 else { throw ChatTestError("pipe() failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if prints {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        // The test process blocks every signal (Dispatch does, in all its threads) and a spawned
        // child inherits that: unblock them, or the tmux server never reaps its panes nor exits.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, &cArguments, environ)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard spawned == 0 else { throw ChatTestError("cannot run tmux (posix_spawn: \(spawned))") }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count > 0 {
                output.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exited = (status & 0x7f) == 0
        guard exited, (status >> 8) & 0xff == 0 else {
            throw ChatTestError("tmux \(arguments.joined(separator: " ")) failed (wait status \(status))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension String {
    func occurrences(of needle: String) -> Int {
        guard !needle.isEmpty else { return 0 }
        return components(separatedBy: needle).count - 1
    }
}
