import Foundation

/// Sizes and modification times of an index file and its write-ahead log. Every committed write
/// appends to the WAL (and a checkpoint rewrites the main file), so while the signature stays the
/// same the index's contents have not changed — provided the files had been quiet for a moment
/// when the signature was taken: file times advance in clock ticks, and a second write within the
/// tick of the first could leave both the time and (after a WAL reset) the size unchanged.
struct IndexFileSignature: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var size: UInt64
        var modified: Date
    }

    var main: Stamp?
    var wal: Stamp?

    /// How long the files must have been unmodified before a signature is trusted.
    static let settleInterval: TimeInterval = 2

    init(path: String) {
        main = Self.stamp(path)
        wal = Self.stamp(path + "-wal")
    }

    init(main: Stamp?, wal: Stamp?) {
        self.main = main
        self.wal = wal
    }

    /// True when the main file exists and neither file was modified within `settleInterval` of `now`.
    func isSettled(now: Date = Date()) -> Bool {
        guard let main else { return false }
        let newest = max(main.modified, wal?.modified ?? .distantPast)
        return now.timeIntervalSince(newest) >= Self.settleInterval
    }

    private static func stamp(_ path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = (attributes[.size] as? NSNumber)?.uint64Value,
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return Stamp(size: size, modified: modified)
    }
}
