import AgriQAGeography
import Foundation

/// Reads an exam from JSON Lines, a JSON array (or an object holding `questions`, `data`, `items`,
/// `records` or `examples`), or CSV/TSV with a header row. The shape of each record is recognised
/// from its field names (see ``ExamFields``); anything unrecognisable is an error naming the line
/// (or item) and the field.
public enum ExamFileReader {
    /// At most this many problems are listed in one error.
    static let problemsShown = 12

    public static func read(path: String) throws(ExamInputError) -> Exam {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? error.localizedDescription : "no such file"
            throw .unreadable(path: path, reason: reason)
        }
        return try parse(data, path: path)
    }

    /// Parses the bytes of an exam file; `path` names it in errors and picks the format by extension
    /// (the content decides when the extension says nothing).
    public static func parse(_ data: Data, path: String) throws(ExamInputError) -> Exam {
        let records: [(fields: [(key: String, value: RecordValue)], line: Int, location: String)]
        var problems: [ExamInputError.Problem] = []
        switch format(of: data, path: path) {
        case .jsonLines:
            (records, problems) = jsonLines(data)
        case .jsonDocument:
            records = try jsonDocument(data, path: path)
        case .table:
            records = table(data)
        }

        var drafts: [QuestionDraft] = []
        for record in records {
            switch ExamRecordParser(fields: record.fields, line: record.line, location: record.location).parse() {
            case .success(let draft): drafts.append(draft)
            case .failure(let problem): problems.append(problem)
            }
        }
        let base = AnswerKeyResolver.indexBase(for: drafts)
        let resolver = AnswerKeyResolver(zeroBasedIndices: base.zeroBased)
        var questions: [ExamQuestion] = []
        var seenIDs: [String: String] = [:]
        for draft in drafts {
            var answerKey: String?
            if let answer = draft.answer {
                guard let label = resolver.resolve(answer, in: draft.options) else {
                    let labels = draft.options.map(\.label).joined(separator: ", ")
                    problems.append(
                        .init(
                            location: draft.location, field: draft.answerField,
                            message: "the answer key \(answer.text.map { "\"\($0)\"" } ?? answer.kindDescription) is not one of the options (\(labels))"))
                    continue
                }
                answerKey = label
            }
            let id = draft.id ?? String(draft.line)
            if let first = seenIDs[id] {
                problems.append(.init(location: draft.location, field: "id", message: "the id \"\(id)\" was already used at \(first); ids must be unique (results are matched by id)"))
                continue
            }
            seenIDs[id] = draft.location
            questions.append(
                ExamQuestion(
                    id: id, question: draft.question, options: draft.options, answerKey: answerKey,
                    referenceAnswer: draft.reference, category: draft.category, region: draft.region,
                    difficulty: draft.difficulty, line: draft.line))
        }
        if !problems.isEmpty {
            throw .invalid(path: path, problems: Array(problems.prefix(problemsShown)), total: problems.count)
        }
        guard !questions.isEmpty else { throw .empty(path: path) }

        var notices: [String] = []
        if base.used {
            notices.append(
                base.zeroBased
                    ? "integer answer keys read as 0-based option indices (0 = first option)"
                    : "integer answer keys read as 1-based option indices (1 = first option; no key was 0)")
        }
        let shapes = Dictionary(grouping: drafts, by: \.shape).mapValues(\.count)
            .sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key)
        return Exam(path: path, questions: questions, shape: shapes.joined(separator: "; "), notices: notices)
    }

    enum Format { case jsonLines, jsonDocument, table }

    static func format(of data: Data, path: String) -> Format {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "jsonl", "ndjson": return .jsonLines
        case "json": return .jsonDocument
        case "csv", "tsv": return .table
        default: break
        }
        let first = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        switch first {
        case UInt8(ascii: "["): return .jsonDocument
        case UInt8(ascii: "{"):
            let firstLine = data.prefix { $0 != 0x0A }
            return (try? JSONSerialization.jsonObject(with: firstLine)) is [String: Any] ? .jsonLines : .jsonDocument
        default: return .table
        }
    }

    private static func jsonLines(_ data: Data) -> (
        [(fields: [(key: String, value: RecordValue)], line: Int, location: String)], [ExamInputError.Problem]
    ) {
        var records: [(fields: [(key: String, value: RecordValue)], line: Int, location: String)] = []
        var problems: [ExamInputError.Problem] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { [0x20, 0x09, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            if trimmed.allSatisfy({ [0x20, 0x09, 0x0D].contains($0) }) { continue }
            let location = "line \(lineNumber)"
            guard let json = try? JSONSerialization.jsonObject(with: Data(trimmed)) else {
                problems.append(.init(location: location, field: nil, message: "not valid JSON"))
                continue
            }
            guard case .object(let fields) = RecordValue(json: json) else {
                problems.append(.init(location: location, field: nil, message: "expected a JSON object per line, found \(RecordValue(json: json).kindDescription)"))
                continue
            }
            records.append((fields, lineNumber, location))
        }
        return (records, problems)
    }

    private static func jsonDocument(_ data: Data, path: String) throws(ExamInputError)
        -> [(fields: [(key: String, value: RecordValue)], line: Int, location: String)]
    {
        guard let json = try? JSONSerialization.jsonObject(with: data) else {
            throw .invalid(path: path, problems: [.init(location: "the file", field: nil, message: "not valid JSON")], total: 1)
        }
        var items: [RecordValue]
        switch RecordValue(json: json) {
        case .array(let array):
            items = array
        case .object(let fields):
            let holder = fields.first { ["questions", "data", "items", "records", "examples"].contains(ExamFields.fold($0.key)) }
            guard case .array(let array)? = holder?.value else {
                throw .invalid(
                    path: path,
                    problems: [.init(location: "the file", field: nil, message: "expected a list of questions, or an object with a \"questions\" list")],
                    total: 1)
            }
            items = array
        default:
            throw .unsupportedFormat(path: path)
        }
        var records: [(fields: [(key: String, value: RecordValue)], line: Int, location: String)] = []
        var problems: [ExamInputError.Problem] = []
        for (offset, item) in items.enumerated() {
            guard case .object(let fields) = item else {
                problems.append(.init(location: "item \(offset + 1)", field: nil, message: "expected an object, found \(item.kindDescription)"))
                continue
            }
            records.append((fields, offset + 1, "item \(offset + 1)"))
        }
        if !problems.isEmpty { throw .invalid(path: path, problems: Array(problems.prefix(problemsShown)), total: problems.count) }
        return records
    }

    private static func table(_ data: Data) -> [(fields: [(key: String, value: RecordValue)], line: Int, location: String)] {
        let reader = CSVReader(bytes: Array(data))
        guard let header = reader.rows.first else { return [] }
        return reader.rows.dropFirst().map { row in
            let fields = header.fields.enumerated().map { offset, name in
                (key: name, value: offset < row.fields.count ? RecordValue.string(row.fields[offset]) : .null)
            }
            return (fields, row.line, "line \(row.line)")
        }
    }
}
