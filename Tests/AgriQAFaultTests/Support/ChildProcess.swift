import AgriQATestSupport
import Foundation

/// Runs a child process (the real `agriqa`, python3) and collects what it printed.
struct ChildProcess {
    typealias Result = ProcessOutput

    static func agriqa(_ arguments: [String]) throws -> Result {
        try run(FaultEnvironment.agriqa.path, arguments)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        ProcessOutput.collect(try start(executable, arguments, captureOutput: true))
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
