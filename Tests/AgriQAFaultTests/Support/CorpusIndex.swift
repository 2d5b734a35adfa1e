import AgriQAGeography
import AgriQAIndex
import Foundation
import GRDB

/// An index of the sample corpus (BM25 only, no vectors), built once per test process; tests
/// that change an index get their own copy.
enum CorpusIndex {
    static func gazetteer() throws -> Gazetteer {
        var gazetteer = try Gazetteer.builtIn()
        _ = try gazetteer.load(file: FaultEnvironment.gazetteerFile)
        return gazetteer
    }

    /// A fresh copy of the corpus index in its own folder; returns its path.
    static func copy() async throws -> String {
        _ = try await Builder.shared.path()
        return try await Builder.shared.copy()
    }

    private actor Builder {
        static let shared = Builder()
        private var built: String?

        func path() async throws -> String {
            if let built { return built }
            let folder = try FaultEnvironment.temporaryDirectory("corpus")
            let path = folder.appendingPathComponent("agriqa.sqlite").path
            let index = try KnowledgeIndex(path: path)
            try index.rememberGazetteers([FaultEnvironment.gazetteerFile])
            let summary = await IngestCoordinator(index: index, gazetteer: try CorpusIndex.gazetteer(), concurrency: 2)
                .run([FaultEnvironment.corpus.path])
            guard summary.failed.isEmpty, summary.added > 0 else {
                throw FaultTestError("the sample corpus did not ingest: \(summary.failed)")
            }
            built = path
            return path
        }

        /// Copies are made one at a time: parallel tests opening the original at once met
        /// "database is locked" (one connection's close checkpoints the WAL while another opens).
        func copy() throws -> String {
            guard let original = built else { throw FaultTestError("copy() before path()") }
            let folder = try FaultEnvironment.temporaryDirectory("index")
            let path = folder.appendingPathComponent("agriqa.sqlite").path
            // VACUUM INTO writes one consistent file, whatever the original's WAL holds.
            let queue = try DatabaseQueue(path: original)
            try queue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
            try queue.close()
            return path
        }
    }
}
