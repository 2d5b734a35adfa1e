import AgriQATestSupport
import Foundation

/// Where things are, and how big the fault runs are. CI runs the defaults; `scripts/fault-suite.sh`
/// raises them through environment variables (`AGRIQA_FAULT_FUZZ_COUNT=500 AGRIQA_FAULT_KILLS=10`).
enum FaultEnvironment {
    static let packageRoot = TestPackage.root

    static let corpus = packageRoot.appendingPathComponent("corpus")
    static let gazetteerFile = corpus.appendingPathComponent("gazetteer/sample-places.csv").path

    /// The `agriqa` binary in the same build folder as the running tests (scripts/test.sh builds it first).
    static let agriqa: URL = TestPackage.agriqa ?? TestPackage.debugAgriqa

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
