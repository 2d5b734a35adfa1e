import AgriQATestSupport
import Foundation
import Testing

/// `kill -9` of `agriqa ingest` at seeded random moments, `AGRIQA_FAULT_KILLS` times (CI: 3): after
/// each kill the index opens and is consistent (integrity check, FTS against chunks, no orphans,
/// no half-written document); the next full run completes with every file exactly once.
@Suite("kill -9 during agriqa ingest", .serialized, .enabled(if: FaultEnvironment.hasAgriqa))
struct KillDuringIngestFaultTests {
    static let kills = FaultEnvironment.scale("AGRIQA_FAULT_KILLS", default: 3)

    @Test func everyKillLeavesAConsistentIndexAndTheNextRunCompletesWithoutDuplicates() throws {
        let folder = try FaultEnvironment.temporaryDirectory("kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let fileCount = 30
        for file in 0..<fileCount {
            let pages = (1...40).map { page in
                (0..<12).map { line in
                    "Leaflet \(file) page \(page) line \(line): apply nitrogen to sorghum when leaf colour fades, rate \(file * 7 + page + line) kg."
                }
            }
            try MinimalPDF.make(pages: pages).write(to: inbox.appendingPathComponent(String(format: "leaflet-%03d.pdf", file)))
        }
        let indexPath = folder.appendingPathComponent("kill.sqlite").path
        var random = SeededRandom(seed: UInt64(FaultEnvironment.scale("AGRIQA_FAULT_SEED", default: 1)))
        var killedMidway = 0
        var delays: [Double] = []
        for _ in 0..<Self.kills {
            // Each run starts from what the previous kill left, so later kills land later in the batch too.
            let process = try ChildProcess.start(
                FaultEnvironment.agriqa.path, ["ingest", inbox.path, "--index", indexPath, "--no-embed", "--jobs", "2"],
                captureOutput: false)
            let delay = 0.15 + Double(random.next() % 2000) / 1000
            delays.append(delay)
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedMidway += 1
            }
            process.waitUntilExit()
            let report = try IndexConsistency.check(indexPath)
            #expect(report.problems.isEmpty, "after a kill at \(delay) s: \(report.problems)")
            if report.documents == fileCount {
                // The run finished before the kill: start over so the next kill lands mid-ingest again.
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: indexPath + suffix) }
            }
        }
        let final = try ChildProcess.agriqa(["ingest", inbox.path, "--index", indexPath, "--json", "--no-embed", "--jobs", "2"])
        #expect(final.status == 0, "\(final.stderr)")
        let summary = try ChildProcess.json(final.stdout)
        #expect((summary["added"] as? Int ?? 0) + (summary["unchanged"] as? Int ?? 0) == fileCount)
        #expect((summary["duplicates"] as? [Any])?.isEmpty ?? true)
        let report = try IndexConsistency.check(indexPath)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.documents == fileCount)
        #expect(report.chunks > 0 && report.ftsRows == report.chunks)
        print("kill -9: \(killedMidway) of \(Self.kills) runs killed mid-ingest (delays \(delays.map { String(format: "%.2f", $0) }) s); final run complete, \(report.documents) documents, \(report.chunks) chunks, no duplicates")
    }
}

/// SplitMix64: the same kill moments for the same seed.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
