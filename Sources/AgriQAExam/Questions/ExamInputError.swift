/// Why an exam file cannot be read. Problems inside the file name the line (or item) and field.
public enum ExamInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One problem at one place in the file.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// "line 12" for JSON Lines and CSV, "item 3" for a JSON array.
        public var location: String
        /// The field at fault, when one is.
        public var field: String?
        public var message: String

        public init(location: String, field: String?, message: String) {
            self.location = location
            self.field = field
            self.message = message
        }

        public var description: String {
            if let field { return "\(location), field \"\(field)\": \(message)" }
            return "\(location): \(message)"
        }
    }

    case unreadable(path: String, reason: String)
    case empty(path: String)
    case unsupportedFormat(path: String)
    /// The file was read but some questions are malformed; at most the first few problems are kept.
    case invalid(path: String, problems: [Problem], total: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read the exam \(path): \(reason)"
        case .empty(let path):
            return "the exam \(path) has no questions"
        case .unsupportedFormat(let path):
            return "\(path) is not an exam file: give JSON Lines (.jsonl), a JSON array (.json) or CSV/TSV with a header row"
        case .invalid(let path, let problems, let total):
            var lines = ["the exam \(path) has \(total) malformed question\(total == 1 ? "" : "s"):"]
            lines += problems.map { "  \(path) \($0)" }
            if total > problems.count { lines.append("  … and \(total - problems.count) more") }
            lines.append(
                "Each question needs a question text and either options with an answer key (options + answer, "
                    + "answer_options + correct_answer, choices + answerKey, or option columns A, B, C, D) or a "
                    + "reference answer for open-ended scoring; see docs/exams.md.")
            return lines.joined(separator: "\n")
        }
    }
}
