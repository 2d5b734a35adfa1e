import Foundation

/// What a finished child process printed and how it ended.
public struct ProcessOutput: Sendable {
    public var status: Int32
    /// True when a signal ended it (a crash: SIGSEGV, SIGABRT…, or a test's own SIGKILL).
    public var signalled: Bool
    public var stdout: String
    public var stderr: String

    /// Reads both of a started process's output pipes to their end, then waits for it to exit.
    /// Standard error is drained on another thread, so a chatty child never blocks on a full pipe.
    /// Blocks the calling thread: async callers use ``collected(from:)``.
    public static func collect(_ process: Process) -> ProcessOutput {
        let out = process.standardOutput as? Pipe
        let err = process.standardError as? Pipe
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err?.fileHandleForReading.readDataToEndOfFile() ?? Data()
            group.leave()
        }
        let outData = out?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        group.wait()
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// ``collect(_:)`` off the cooperative pool.
    public static func collected(from process: Process) async -> ProcessOutput {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: collect(process)) }
        }
    }
}
