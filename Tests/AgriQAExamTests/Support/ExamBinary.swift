import AgriQATestSupport
import Foundation

/// Runs the real `agriqa` executable built next to the test bundle (as Tests/AgriQACLITests do).
enum ExamBinary {
    typealias Result = ProcessOutput

    static let url: URL? = TestPackage.agriqa

    static var exists: Bool { url != nil }

    static func start(_ arguments: [String], captureOutput: Bool = true) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = ExamTestSupport.packageRoot
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

    static func run(_ arguments: [String]) throws -> Result {
        let process = try start(arguments)
        return ProcessOutput.collect(process)
    }

    static func json(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }
}
