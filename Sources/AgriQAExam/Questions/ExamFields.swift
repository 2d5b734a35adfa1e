/// The field names an exam record may use, compared after folding: lower case, without spaces,
/// `_` and `-` (so `answerKey`, `answer_key` and `Answer Key` are the same name).
enum ExamFields {
    static let question = ["question", "stem", "questiontext", "questionstem", "prompt", "query", "q"]
    static let options = ["options", "answeroptions", "choices", "candidates", "alternatives", "optionlist"]
    static let answerKey = [
        "answer", "answerkey", "correctanswer", "correct", "correctoption", "correctchoice", "answerindex",
        "answeridx", "key", "gold", "label", "cop", "solution",
    ]
    static let reference = [
        "referenceanswer", "reference", "idealanswer", "ideal", "expectedanswer", "expected", "answer", "target",
        "output", "response",
    ]
    static let id = ["id", "qid", "questionid", "uid", "number", "no"]
    static let category = ["category", "subject", "topic", "domain", "discipline", "section", "subjectname"]
    static let region = ["region", "location", "country", "state", "place"]
    static let difficulty = ["difficulty", "level", "difficultylevel", "grade"]

    /// Inside an option object, or ARC's `{"text": [...], "label": [...]}`.
    static let optionLabel = ["label", "key", "letter", "id"]
    static let optionText = ["text", "value", "content", "option", "answer"]

    static func fold(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "-" && $0 != "." })
    }

    /// An option column's label: `A`, `option_a`, `Option A`, `choice_b`, `opa` (MedMCQA) → `A`/`B`;
    /// `option1`, `choice2` → `1`/`2`. Nil for anything else.
    static func optionColumnLabel(_ folded: String) -> String? {
        for prefix in ["option", "choice", "opt", "op", "answer", ""] {
            guard folded.hasPrefix(prefix) else { continue }
            let rest = folded.dropFirst(prefix.count)
            if rest.count == 1, let letter = rest.first, ("a"..."j").contains(letter) {
                return letter.uppercased()
            }
            if !prefix.isEmpty, !rest.isEmpty, rest.count <= 2, let number = Int(rest), number >= 1 {
                return String(number)
            }
        }
        return nil
    }
}
