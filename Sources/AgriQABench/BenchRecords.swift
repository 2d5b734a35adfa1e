import AgriQAIngestion
import Foundation

/// The Q&A records that fill a benchmark index up to its chunk count (one record is one chunk).
///
/// Real Kisan Call Centre records come first, in a seeded shuffle so a partial set still spans
/// every file and state. When more are needed than exist, the rest are **perturbed real records**:
/// a real question with the answer of another real record about the same crop, and the first
/// record's state and district. Their words, lengths and places are real; their pairing is not —
/// good enough to load FTS posting lists and the vector scan like real text, not for relevance.
/// Held-out records (``BenchData/isHeldOut(file:position:)``) are never written: they are the
/// questions.
struct BenchRecords {
    /// One line of the JSON Lines files `agriqa ingest` reads.
    struct Line: Codable {
        var id: String
        var question: String
        var answer: String
        var state: String?
        var district: String?
        var crop: String?
        var season: String?
    }

    let real: [QARecord]

    init(data: BenchData) throws {
        var records: [QARecord] = []
        for file in data.kccFiles {
            let path = try data.require(file)
            let batch: RecordBatch
            do throws(RecordError) {
                batch = try RecordReader().read(path: path)
            } catch {
                throw BenchError.invalid("\(file): \(error)")
            }
            records += batch.records.filter { !BenchData.isHeldOut(file: file, position: Int($0.id) ?? 0) }
        }
        var generator = SeededGenerator(seed: 20_250_104)
        real = records.shuffled(using: &generator)
    }

    /// `count` records: real ones first, then perturbed ones.
    func lines(count: Int) -> [Line] {
        var lines = real.prefix(count).enumerated().map { offset, record in
            Line(id: "kcc-\(offset)", question: record.question, answer: record.answer, state: record.state,
                 district: record.district, crop: record.crop, season: record.season)
        }
        guard count > real.count, !real.isEmpty else { return lines }
        var byCrop: [String: [Int]] = [:]
        for (index, record) in real.enumerated() {
            byCrop[Self.cropKey(record), default: []].append(index)
        }
        var generator = SeededGenerator(seed: 77)
        for number in 0..<(count - real.count) {
            let base = real[Int.random(in: 0..<real.count, using: &generator)]
            let sameCrop = byCrop[Self.cropKey(base)] ?? []
            var partnerIndex = sameCrop.randomElement(using: &generator) ?? 0
            if real[partnerIndex] == base { partnerIndex = Int.random(in: 0..<real.count, using: &generator) }
            let partner = real[partnerIndex]
            lines.append(
                Line(id: "perturbed-\(number)", question: base.question, answer: partner.answer, state: base.state,
                     district: base.district, crop: base.crop, season: base.season))
        }
        return lines
    }

    private static func cropKey(_ record: QARecord) -> String {
        (record.crop ?? "").lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes `lines` as JSON Lines files of at most `perFile` records (each file is one document,
    /// committed on its own), replacing the folder's earlier `records-*.jsonl`. Returns the paths.
    static func write(_ lines: [Line], to folder: URL, perFile: Int = 10_000) throws -> [String] {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: folder.path)
        where name.hasPrefix("records-") && name.hasSuffix(".jsonl") {
            try manager.removeItem(at: folder.appending(path: name))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var paths: [String] = []
        var start = 0
        while start < lines.count {
            let part = lines[start..<min(lines.count, start + perFile)]
            var data = Data()
            for line in part {
                data.append(try encoder.encode(line))
                data.append(0x0A)
            }
            let url = folder.appending(path: String(format: "records-%03d.jsonl", paths.count))
            try data.write(to: url, options: .atomic)
            paths.append(url.path)
            start += perFile
        }
        return paths
    }
}
