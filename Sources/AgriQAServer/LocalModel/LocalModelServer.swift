import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The opt-in local chat model: llama.cpp's `llama-server` with SmolLM2-135M-Instruct, installed by
/// `scripts/install-local-model.sh`, run as a child process on a free loopback port. `start()`
/// waits until the server's `/health` says it is ready; `stop()` terminates it (SIGTERM, then
/// SIGKILL after 5 s).
public final class LocalModelServer: @unchecked Sendable {
    // @unchecked: `process` is set once in start() before the instance is shared, and Process is thread-safe for terminate.
    public struct Installation: Sendable {
        public var server: String
        public var model: String

        /// `$AGRIQA_LOCAL_MODEL_DIR` or `~/.cache/agriqa/local-model` (where the install script puts it).
        public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(LocalModelError)
            -> Installation
        {
            let root = environment["AGRIQA_LOCAL_MODEL_DIR"]
                ?? ((environment["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")) + "/agriqa/local-model")
            let installation = Installation(
                server: root + "/bin/llama-server", model: root + "/SmolLM2-135M-Instruct.Q4_1.gguf")
            guard FileManager.default.isExecutableFile(atPath: installation.server),
                FileManager.default.fileExists(atPath: installation.model)
            else { throw .notInstalled(root) }
            return installation
        }
    }

    public let installation: Installation
    public let port: Int
    /// `http://127.0.0.1:PORT/v1`, for the chat client.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }
    /// The model id llama-server answers to.
    public let modelID = "SmolLM2-135M-Instruct"
    private var process: Process?
    private let standardError = Pipe()

    public init(installation: Installation, port: Int? = nil) throws(LocalModelError) {
        self.installation = installation
        guard let chosen = port ?? Self.freePort() else { throw .noFreePort }
        self.port = chosen
    }

    /// Starts llama-server and waits up to `timeout` for it to report healthy.
    public func start(timeout: Duration = .seconds(90), threads: Int = ProcessInfo.processInfo.activeProcessorCount) async throws(LocalModelError) {
        let process = Process()
        // Through a small shell watchdog: if agriqa dies without stopping it (SIGKILL, a closed pipe),
        // the watchdog notices within a second and stops llama-server, so no orphan keeps the port.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // llama-server may ignore SIGTERM while busy, hence SIGKILL after a 2 s grace.
        let watchdog = """
            "$0" "$@" & child=$!
            end() { kill $child 2>/dev/null; sleep 2; kill -9 $child 2>/dev/null; exit 0; }
            trap end TERM INT
            while kill -0 \(getpid()) 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done
            end
            """
        process.arguments = ["-c", watchdog, installation.server] + [
            "-m", installation.model, "--host", "127.0.0.1", "--port", String(port), "-c", "8192", "-np", "2",
            "--threads", String(max(1, threads)), "--alias", modelID, "--log-disable",
            // A 135M model loops without it ("The answer is: The answer is: …").
            "--repeat-penalty", "1.3",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .couldNotStart("\(installation.server): \(error.localizedDescription)")
        }
        self.process = process
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !process.isRunning {
                let message = String(decoding: standardError.fileHandleForReading.availableData.suffix(2000), as: UTF8.self)
                throw .exited(status: process.terminationStatus, message: message)
            }
            if await healthy() { return }
            try? await Task.sleep(for: .milliseconds(250))
        }
        stop()
        throw .notReady(seconds: Double(timeout.components.seconds))
    }

    public func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 5) {
            if process.isRunning { kill(pid, SIGKILL) }
        }
        process.waitUntilExit()
    }

    deinit { stop() }

    private func healthy() async -> Bool {
        guard let url = URL(string: "http://127.0.0.1:\(port)/health") else { return false }
        var request = URLRequest(url: url)
        request.timeoutInterval = 2
        return await withCheckedContinuation { continuation in
            URLSession.shared.dataTask(with: request) { _, response, _ in
                continuation.resume(returning: (response as? HTTPURLResponse)?.statusCode == 200)
            }.resume()
        }
    }

    /// A port the kernel says is free right now (bind to port 0, read it, close).
    static func freePort() -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { return nil }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

public enum LocalModelError: Error, Sendable, CustomStringConvertible {
    case notInstalled(String)
    case noFreePort
    case couldNotStart(String)
    case exited(status: Int32, message: String)
    case notReady(seconds: Double)

    public var description: String {
        switch self {
        case .notInstalled(let root):
            return "the local model is not installed in \(root); run scripts/install-local-model.sh (about 10 minutes, once)"
        case .noFreePort:
            return "no free loopback port for the local model server"
        case .couldNotStart(let detail):
            return "could not start the local model server: \(detail)"
        case .exited(let status, let message):
            return "the local model server exited with status \(status): \(message.suffix(500)); rerun scripts/install-local-model.sh if the binary is broken"
        case .notReady(let seconds):
            return "the local model server was not ready within \(Int(seconds)) s"
        }
    }
}
