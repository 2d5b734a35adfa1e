import AgriQAGeography
import Foundation

/// The records of one file, with the problems found in individual records.
public struct RecordBatch: Sendable {
    public var path: String
    public var records: [QARecord]
    /// Per-record problems (a malformed JSON line, an empty record). The file still ingests.
    public var warnings: [String]

    public init(path: String, records: [QARecord], warnings: [String]) {
        self.path = path
        self.records = records
        self.warnings = warnings
    }
}

/// Reads Q&A records from JSONL, JSON (an array of objects, or an object holding one) and CSV/TSV.
public struct RecordReader: Sendable {
    public static let fileExtensions: Set<String> = ["jsonl", "ndjson", "json", "csv", "tsv"]

    public var mapping: RecordFieldMapping

    public init(mapping: RecordFieldMapping = RecordFieldMapping()) {
        self.mapping = mapping
    }

    public func read(path: String) throws(RecordError) -> RecordBatch {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, detail: error.localizedDescription)
        }
        let text = String(decoding: data, as: UTF8.self)
        let batch: RecordBatch
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "jsonl", "ndjson": batch = try readJSONLines(text, path: path)
        case "json": batch = try readJSONDocument(text, path: path)
        case "csv": batch = try readDelimited(CSVReader(bytes: Array(data), delimiter: UInt8(ascii: ",")), path: path)
        case "tsv": batch = try readDelimited(CSVReader(bytes: Array(data), delimiter: UInt8(ascii: "\t")), path: path)
        default: throw .unsupportedFormat(path: path)
        }
        if batch.records.isEmpty { throw .noRecords(path: path) }
        return batch
    }

    private func readJSONLines(_ text: String, path: String) throws(RecordError) -> RecordBatch {
        var records: [QARecord] = []
        var warnings: [String] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                warnings.append(RecordError.malformedJSON(path: path, line: lineNumber, detail: "not a JSON object").description)
                continue
            }
            if let record = mapping.record(from: Self.flatten(object), position: lineNumber) {
                records.append(record)
            } else {
                warnings.append("\(path):\(lineNumber): no question or answer field; skipped.")
            }
        }
        return RecordBatch(path: path, records: records, warnings: warnings)
    }

    private func readJSONDocument(_ text: String, path: String) throws(RecordError) -> RecordBatch {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            // Maybe JSON Lines with a .json extension.
            if text.split(separator: "\n").count > 1,
                let batch = try? readJSONLines(text, path: path), !batch.records.isEmpty
            {
                return batch
            }
            throw .malformedJSON(path: path, line: 1, detail: "\(error)")
        }
        let objects: [Any]
        if let array = parsed as? [Any] {
            objects = array
        } else if let object = parsed as? [String: Any],
            let array = ["records", "data", "items", "questions"].lazy.compactMap({ object[$0] as? [Any] }).first
        {
            objects = array
        } else {
            throw .notRecords(path: path, detail: "expected an array of objects")
        }
        var records: [QARecord] = []
        var warnings: [String] = []
        for (index, element) in objects.enumerated() {
            guard let object = element as? [String: Any],
                let record = mapping.record(from: Self.flatten(object), position: index + 1)
            else {
                warnings.append("\(path): item \(index + 1) has no question or answer; skipped.")
                continue
            }
            records.append(record)
        }
        return RecordBatch(path: path, records: records, warnings: warnings)
    }

    private func readDelimited(_ table: CSVReader, path: String) throws(RecordError) -> RecordBatch {
        guard let header = table.rows.first?.fields else { throw .noRecords(path: path) }
        let keys = header.map { RecordFieldMapping.key($0) }
        let keySet = Set(keys)
        if !mapping.hasAny(mapping.question, in: keySet) && !mapping.hasAny(mapping.answer, in: keySet) {
            throw .missingColumn(
                path: path, field: "question or answer", accepted: mapping.question + mapping.answer,
                found: header.map { $0.trimmingCharacters(in: .whitespaces) })
        }
        var records: [QARecord] = []
        var warnings: [String] = []
        for (index, row) in table.rows.dropFirst().enumerated() {
            var fields: [String: String] = [:]
            for (key, value) in zip(keys, row.fields) where fields[key] == nil {
                fields[key] = value.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if row.fields.count != header.count {
                warnings.append("\(path):\(row.line): \(row.fields.count) fields, the header has \(header.count).")
            }
            if let record = mapping.record(from: fields, position: index + 1) { records.append(record) }
        }
        return RecordBatch(path: path, records: records, warnings: warnings)
    }

    /// `{"metadata": {"state": "X"}}` → `["state": "X"]` (outer keys win), keys normalized.
    static func flatten(_ object: [String: Any]) -> [String: String] {
        var fields: [String: String] = [:]
        var nested: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case let string as String: fields[RecordFieldMapping.key(key)] = string.trimmingCharacters(in: .whitespacesAndNewlines)
            case let number as NSNumber: fields[RecordFieldMapping.key(key)] = number.stringValue
            case let inner as [String: Any]:
                for (innerKey, innerValue) in flatten(inner) { nested[innerKey] = innerValue }
            default: continue
            }
        }
        return fields.merging(nested) { outer, _ in outer }
    }
}
