import Foundation
import Testing

@testable import AgriQARetrieval

@Suite struct IndexFileSignatureTests {
    @Test func changesWithTheFilesAndIsTrustedOnlyOnceTheyAreQuiet() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-signature-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: path + "-wal")
        }
        #expect(IndexFileSignature(path: path).main == nil)
        #expect(!IndexFileSignature(path: path).isSettled())

        try Data("one".utf8).write(to: URL(fileURLWithPath: path))
        let first = IndexFileSignature(path: path)
        #expect(first == IndexFileSignature(path: path))
        #expect(first.wal == nil)
        // Just written: not trusted now, trusted once the settle interval has passed.
        #expect(!first.isSettled())
        #expect(first.isSettled(now: Date().addingTimeInterval(IndexFileSignature.settleInterval + 1)))

        try Data("two, longer".utf8).write(to: URL(fileURLWithPath: path + "-wal"))
        #expect(IndexFileSignature(path: path) != first)
        #expect(!IndexFileSignature(path: path).isSettled(now: Date().addingTimeInterval(1)))
    }
}
