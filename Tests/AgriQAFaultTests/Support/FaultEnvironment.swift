import Foundation

/// Where things are, and how big the fault runs are. CI runs the defaults; `scripts/fault-suite.sh`
/// raises them through environment variables (`AGRIQA_FAULT_FUZZ_COUNT=500 AGRIQA_FAULT_KILLS=10`).
enum FaultEnvironment {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let corpus = packageRoot.appendingPathComponent("corpus")
    static let gazetteerFile = corpus.appendingPathComponent("gazetteer/sample-places.csv").path

    /// The `agriqa` binary in the same build folder as the running tests (scripts/test.sh builds it first).
    static let agriqa: URL = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var folder = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("agriqa"))
                folder.deleteLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/agriqa"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[candidates.count - 1]
    }()

    static var hasAgriqa: Bool { FileManager.default.isExecutableFile(atPath: agriqa.path) }

    /// python3, which runs the seeded PDF mutator (scripts/faults/fuzz_pdfs.py).
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static var canFuzz: Bool { hasAgriqa && python != nil }

    /// An integer setting from the environment, else `fallback`.
    static func scale(_ name: String, default fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? fallback
    }

    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-fault-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

struct FaultTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
