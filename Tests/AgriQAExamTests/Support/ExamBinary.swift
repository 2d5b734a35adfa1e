import Foundation

/// Runs the real `agriqa` executable built next to the test bundle (as Tests/AgriQACLITests do).
enum ExamBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let url: URL? = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var folder = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("agriqa"))
                folder.deleteLastPathComponent()
            }
        }
        candidates.append(ExamTestSupport.packageRoot.appendingPathComponent(".build/debug/agriqa"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

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
        let out = process.standardOutput as? Pipe
        let err = process.standardError as? Pipe
        // Read both pipes before waiting so a chatty child cannot block on a full pipe.
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
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func json(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }
}
