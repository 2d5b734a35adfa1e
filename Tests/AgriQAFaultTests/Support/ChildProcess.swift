import Foundation

/// Runs a child process (the real `agriqa`, python3) and collects what it printed.
struct ChildProcess {
    struct Result {
        var status: Int32
        /// True when a signal ended it (a crash: SIGSEGV, SIGABRT…, or our own SIGKILL).
        var signalled: Bool
        var stdout: String
        var stderr: String
    }

    static func agriqa(_ arguments: [String]) throws -> Result {
        try run(FaultEnvironment.agriqa.path, arguments)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = try start(executable, arguments, captureOutput: true)
        let out = process.standardOutput as? Pipe, err = process.standardError as? Pipe
        // Drain both pipes before waiting, so a chatty child never blocks on a full pipe.
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
        return Result(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func start(_ executable: String, _ arguments: [String], captureOutput: Bool) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = FaultEnvironment.packageRoot
        process.standardInput = FileHandle.nullDevice
        if captureOutput {
            process.standardOutput = Pipe()
            process.standardError = Pipe()
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    static func json(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw FaultTestError("not a JSON object: \(text.prefix(300))")
        }
        return object
    }
}
