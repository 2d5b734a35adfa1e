import AgriQAGeography
import AgriQAIndex
import AgriQAIngestion

/// Why an evaluation could not run. Shown to users as a CLI error, so each message names the file
/// (and line) at fault and says what to do.
public enum EvaluationError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String, detail: String)
    /// A line that is not a JSON object.
    case malformedLine(path: String, line: Int, detail: String)
    /// A required field is missing or empty.
    case missingField(path: String, line: Int, field: String, example: String)
    case duplicatePassage(path: String, line: Int, id: String, firstLine: Int)
    /// A question names a passage the passages file does not have.
    case unknownPassage(path: String, line: Int, passageID: String, passagesPath: String)
    /// A `location` (or state/country) the gazetteer cannot resolve.
    case unknownLocation(path: String, line: Int, location: String, reason: LocationError)
    /// The file has no passages or questions at all.
    case empty(path: String, what: String)
    /// No record can be held out: none has both a question and a state the gazetteer resolves.
    case nothingToHoldOut(files: [String])
    /// The hold-out would leave too few records to index.
    case holdoutTooLarge(requested: Int, eligible: Int, total: Int)
    /// A file given as records that is not a Q&A records file.
    case notRecords(path: String)
    case preparation(PreparationError)
    case index(IndexError)
    case embedding(detail: String)
    case search(question: String, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail):
            return "cannot read \(path) (\(detail)); check the path and its permissions."
        case .malformedLine(let path, let line, let detail):
            return "\(path):\(line): \(detail); every line must be one JSON object, e.g. "
                + #"{"id": "p1", "text": "…"} for passages or {"id": "q1", "question": "…", "passage_id": "p1"} for questions."#
        case .missingField(let path, let line, let field, let example):
            return "\(path):\(line): no \"\(field)\" (or it is empty); add it, e.g. \(example)."
        case .duplicatePassage(let path, let line, let id, let firstLine):
            return "\(path):\(line): passage id \"\(id)\" was already used on line \(firstLine); passage ids must be unique."
        case .unknownPassage(let path, let line, let passageID, let passagesPath):
            return "\(path):\(line): passage_id \"\(passageID)\" is not in \(passagesPath); fix the id or give the passages file the questions were written for."
        case .unknownLocation(let path, let line, let location, let reason):
            return "\(path):\(line): location \"\(location)\" cannot be resolved: \(reason) "
                + "Load a finer gazetteer with --gazetteer FILE, or remove the location."
        case .empty(let path, let what):
            return "\(path) holds no \(what); give a JSON Lines file with one object per line."
        case .nothingToHoldOut(let files):
            return "no record in \(files.joined(separator: ", ")) has both a question and a state the gazetteer resolves; "
                + "give Q&A records with a state field (KCC files: StateName), and --gazetteer FILE for unusual state names."
        case .holdoutTooLarge(let requested, let eligible, let total):
            return "--holdout \(requested) is too large: \(eligible) of \(total) records can be held out and at least as many "
                + "must stay indexed; use --holdout \(max(1, min(eligible, total / 2))) or fewer."
        case .notRecords(let path):
            return "\(path) is not a Q&A records file; give .jsonl, .json, .csv or .tsv records with a question and a state field."
        case .preparation(let error):
            return error.description
        case .index(let error):
            return error.description
        case .embedding(let detail):
            return "embedding failed: \(detail); check the model (scripts/fetch-model.sh) or evaluate with --mode bm25 only."
        case .search(let question, let detail):
            return "search failed for \"\(question)\": \(detail)"
        }
    }
}
