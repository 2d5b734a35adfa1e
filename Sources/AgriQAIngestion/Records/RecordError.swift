/// Why a Q&A records file (or one of its records) could not be read. Each case names the file and says what to do.
public enum RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, detail: String)
    case unsupportedFormat(path: String)
    case missingColumn(path: String, field: String, accepted: [String], found: [String])
    case malformedJSON(path: String, line: Int, detail: String)
    case noRecords(path: String)
    /// Well-formed JSON that is not a list of records (a configuration or manifest file, say).
    case notRecords(path: String, detail: String)

    /// The file is a table or JSON document of another kind, rather than broken records: inside a
    /// folder it is skipped instead of failing the batch.
    public var isOtherKindOfFile: Bool {
        switch self {
        case .missingColumn, .noRecords, .notRecords: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let detail):
            return "\(path): cannot read the file (\(detail)); check that it exists and is readable."
        case .unsupportedFormat(let path):
            return "\(path): unsupported records format; use .jsonl, .json (an array of objects) or .csv/.tsv with a header row."
        case .missingColumn(let path, let field, let accepted, let found):
            return "\(path): no \(field) column; name one of \(accepted.joined(separator: ", ")) (found: \(found.joined(separator: ", ")))."
        case .malformedJSON(let path, let line, let detail):
            return "\(path):\(line): malformed JSON (\(detail)); fix or remove that line."
        case .notRecords(let path, let detail):
            return "\(path): not Q&A records (\(detail)); records are a JSON array of objects with question/answer fields."
        case .noRecords(let path):
            return "\(path): no records with a question or an answer; check the file's field names (see README, Q&A records)."
        }
    }
}
