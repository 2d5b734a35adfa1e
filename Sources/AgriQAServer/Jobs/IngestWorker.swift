import AgriQAIndex
import Foundation

/// Runs `agriqa ingest FILE --index INDEX --json` in a child process, so a PDF that crashes poppler,
/// loops or eats memory takes down only the worker. The child gets an address-space limit (through
/// util-linux `prlimit`, when present) and is killed when it runs past its time limit.
struct IngestWorker: Sendable {
    /// The `agriqa` executable (normally the server's own binary).
    var executable: String
    var indexPath: String
    var gazetteers: [String]
    var timeoutSeconds: Double
    var memoryMB: Int

    struct Outcome: Sendable {
        var exitStatus: Int32
        var killedForTime: Bool
        var signalled: Bool
        var summary: IngestSummary?
        var standardError: String
    }

    static let prlimit: String? = ["/usr/bin/prlimit", "/bin/prlimit"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func run(file: String) async throws -> Outcome {
        var arguments = ["ingest", file, "--index", indexPath, "--json", "--jobs", "1"]
        for gazetteer in gazetteers { arguments += ["--gazetteer", gazetteer] }
        let process = Process()
        if let prlimit = Self.prlimit {
            process.executableURL = URL(fileURLWithPath: prlimit)
            process.arguments = ["--as=\(memoryMB * 1024 * 1024)", "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice

        let killedForTime = KillFlag()
        return try await withCheckedThrowingContinuation { continuation in
            // Pipes are drained on their own threads so a chatty child never blocks on a full pipe.
            let output = PipeCollector(stdout.fileHandleForReading)
            let errors = PipeCollector(stderr.fileHandleForReading)
            process.terminationHandler = { finished in
                let outData = output.wait(), errData = errors.wait()
                let summary = try? JSONDecoder.ingestSummary.decode(IngestSummary.self, from: outData)
                continuation.resume(returning: Outcome(
                    exitStatus: finished.terminationStatus, killedForTime: killedForTime.value,
                    signalled: finished.terminationReason == .uncaughtSignal, summary: summary,
                    standardError: String(decoding: errData.suffix(4000), as: UTF8.self)))
            }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds) {
                if process.isRunning {
                    killedForTime.set()
                    kill(pid, SIGKILL)
                }
            }
        }
    }
}

private final class KillFlag: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var flag = false
    var value: Bool { lock.withLock { flag } }
    func set() { lock.withLock { flag = true } }
}

/// Reads a pipe to its end on a background thread.
private final class PipeCollector: @unchecked Sendable {
    // @unchecked: `data` is written once by the reading thread before `done` is signalled.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

extension JSONDecoder {
    static var ingestSummary: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
