import Foundation

/// `results.jsonl`: one ``QuestionResult`` per line, appended with a single `write` as each
/// question finishes, so killing the run loses at most the questions in flight.
public actor ResultsLog {
    public let url: URL
    private let handle: FileHandle
    private let encoder: JSONEncoder

    /// Opens (creating if needed) the log for appending. A last line cut off by a kill is removed
    /// first, so the next record starts on a line of its own.
    public init(url: URL) throws(ExamRunError) {
        self.url = url
        let manager = FileManager.default
        if !manager.fileExists(atPath: url.path) {
            guard manager.createFile(atPath: url.path, contents: nil) else {
                throw .output(path: url.path, reason: "cannot create the file")
            }
        }
        do {
            handle = try FileHandle(forUpdating: url)
            let data = try Data(contentsOf: url)
            if let last = data.last, last != 0x0A {
                let keep = (data.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
                try handle.truncate(atOffset: UInt64(keep))
            }
            try handle.seekToEnd()
        } catch {
            throw .output(path: url.path, reason: error.localizedDescription)
        }
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
    }

    public func append(_ result: QuestionResult) throws(ExamRunError) {
        do {
            var line = try encoder.encode(result)
            line.append(0x0A)
            try handle.write(contentsOf: line)
        } catch {
            throw .output(path: url.path, reason: error.localizedDescription)
        }
    }

    public func close() {
        try? handle.close()
    }

    /// Every complete record in the file, the last record of each id winning; a malformed line
    /// (a record cut off by a kill) is skipped and counted.
    public static func load(_ url: URL) throws(ExamRunError) -> (results: [String: QuestionResult], order: [String], skippedLines: Int) {
        guard FileManager.default.fileExists(atPath: url.path) else { return ([:], [], 0) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .output(path: url.path, reason: error.localizedDescription)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var results: [String: QuestionResult] = [:]
        var order: [String] = []
        var skipped = 0
        for line in data.split(separator: 0x0A) where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
            guard let result = try? decoder.decode(QuestionResult.self, from: Data(line)) else {
                skipped += 1
                continue
            }
            if results.updateValue(result, forKey: result.id) == nil { order.append(result.id) }
        }
        return (results, order, skipped)
    }
}
