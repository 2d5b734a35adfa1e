import Foundation

/// Where the benchmark's inputs live: the shared data folder (`../shared/data` next to the
/// repository, or `--data`), never anything inside the repository.
struct BenchData: Sendable {
    let root: URL

    init(root: String) {
        self.root = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
    }

    /// The Kisan Call Centre record files, in a fixed order.
    var kccFiles: [String] {
        ["kcc/kcc_andhra_pradesh_2024_krishisahay.csv", "kcc/kcc_telangana_2025-01_agrimindzz.csv",
         Self.multistateKCC].map { root.appending(path: $0).path }
    }

    /// The KCC file whose held-out records are benchmark questions (natural farmer phrasing, several states).
    static let multistateKCC = "kcc/kcc_qa_pairs_multistate_krishimind.json"

    var agxqaQuestions: String { root.appending(path: "qa/agxqa/questions.dev.jsonl").path }

    /// Every `heldOutStride`-th record (1-based position) of the multistate KCC file is kept out of
    /// the benchmark indexes and asked as a question instead.
    static let heldOutStride = 10

    static func isHeldOut(file: String, position: Int) -> Bool {
        file.hasSuffix(multistateKCC) && position % heldOutStride == 0
    }

    func require(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw BenchError.missingData(path: path)
        }
        return path
    }
}

enum BenchError: Error, CustomStringConvertible {
    case missingData(path: String)
    case missingIndex(path: String)
    case emptyIndex(path: String, detail: String)
    case invalid(String)

    var description: String {
        switch self {
        case .missingData(let path):
            return "\(path) is missing: the benchmark reads the shared data set (../shared/data, or pass --data DIR)."
        case .missingIndex(let path):
            return "no index at \(path): run scripts/bench-search.sh, which builds the benchmark indexes, or pass --index FILE."
        case .emptyIndex(let path, let detail):
            return "\(path) cannot be benchmarked: \(detail)"
        case .invalid(let message):
            return message
        }
    }
}
