import AgriQADomain
import AgriQAGeography
import AgriQAIngestion
import Foundation

/// The questions a benchmark asks: realistic farmer and extension questions that are not the
/// indexed text — the AgXQA dev questions (their passages are not in the benchmark indexes) and
/// the held-out Kisan Call Centre questions (``BenchData/isHeldOut(file:position:)``), the latter
/// with the caller's state as the location, so geography ranking is part of what is measured.
struct BenchQuery: Sendable {
    var text: String
    /// Where the asker is, as given to `--location` (a state or "district, state"), if known.
    var location: String?
    var source: String
}

enum BenchQueries {
    /// Up to `limit` questions, the two sources interleaved so any prefix mixes both.
    static func load(data: BenchData, limit: Int) throws -> [BenchQuery] {
        let agxqa = try agxqaQuestions(path: data.require(data.agxqaQuestions))
        let kcc = try heldOutKCC(data: data)
        var merged: [BenchQuery] = []
        var a = agxqa.makeIterator(), b = kcc.makeIterator()
        while merged.count < limit {
            let next = [a.next(), b.next()].compactMap { $0 }
            if next.isEmpty { break }
            merged += next
        }
        return Array(merged.prefix(limit))
    }

    private static func agxqaQuestions(path: String) throws -> [BenchQuery] {
        struct Line: Decodable { var question: String }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            (try? JSONDecoder().decode(Line.self, from: Data(line.utf8))).map {
                BenchQuery(text: $0.question, location: nil, source: "agxqa")
            }
        }
    }

    private static func heldOutKCC(data: BenchData) throws -> [BenchQuery] {
        let path = try data.require(data.root.appending(path: BenchData.multistateKCC).path)
        let batch: RecordBatch
        do throws(RecordError) {
            batch = try RecordReader().read(path: path)
        } catch {
            throw BenchError.invalid("\(path): \(error)")
        }
        return batch.records
            .filter { BenchData.isHeldOut(file: path, position: Int($0.id) ?? 0) && !$0.question.isEmpty }
            .map { record in
                let place = [record.district, record.state].compactMap { $0 }.filter { !$0.isEmpty }
                return BenchQuery(text: record.question, location: place.isEmpty ? nil : place.joined(separator: ", "), source: "kcc")
            }
    }

    /// The asker's region: "district, state" when the gazetteer knows it, else the state, else none.
    static func region(of query: BenchQuery, in gazetteer: Gazetteer) -> Region? {
        guard let location = query.location else { return nil }
        if let region = try? gazetteer.resolveLocation(location) { return region }
        guard let state = location.split(separator: ",").last?.trimmingCharacters(in: .whitespaces) else { return nil }
        return try? gazetteer.resolveLocation(state)
    }
}
