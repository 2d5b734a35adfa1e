import Foundation

/// Turns an answer key as written into an option label: the label itself (`B`, `(B)`, `b.`,
/// `Option B`), an integer index, a letter when the labels are numbers, or the option's text.
struct AnswerKeyResolver {
    /// Integer keys with letter labels: 0-based (`0` is the first option) or 1-based.
    var zeroBasedIndices: Bool

    /// Decides the index base for a whole file: 0-based when any integer key is 0 (the convention
    /// of MMLU-style JSON), otherwise 1-based (the convention of hand-written CSV files).
    static func indexBase(for drafts: [QuestionDraft]) -> (zeroBased: Bool, used: Bool) {
        var sawZero = false
        var used = false
        for draft in drafts where !draft.options.isEmpty {
            guard let answer = draft.answer, label(answer, in: draft.options) == nil, let index = answer.integer else { continue }
            if draft.options.contains(where: { Int($0.label) != nil }) { continue }
            used = true
            if index == 0 { sawZero = true }
        }
        return (sawZero, used)
    }

    /// The label `answer` names directly, if it does.
    private static func label(_ answer: RecordValue, in options: [ExamQuestion.Option]) -> String? {
        guard var text = answer.text else { return nil }
        if let match = options.first(where: { $0.label.caseInsensitiveCompare(text) == .orderedSame }) { return match.label }
        // "(B)", "B.", "B)", "Option B", "Answer: B".
        for prefix in ["option", "answer:", "answer", "choice"] where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ()[].:"))
        return options.first { $0.label.caseInsensitiveCompare(text) == .orderedSame }?.label
    }

    func resolve(_ answer: RecordValue, in options: [ExamQuestion.Option]) -> String? {
        if let label = Self.label(answer, in: options) { return label }
        let labelsAreNumbers = options.allSatisfy { Int($0.label) != nil }
        if !labelsAreNumbers, let index = answer.integer {
            let position = zeroBasedIndices ? index : index - 1
            return options.indices.contains(position) ? options[position].label : nil
        }
        if labelsAreNumbers, let text = answer.text, text.count == 1, let scalar = text.uppercased().unicodeScalars.first,
            ("A"..."Z").contains(Character(scalar))
        {
            let position = Int(scalar.value) - 65
            return options.indices.contains(position) ? options[position].label : nil
        }
        if let text = answer.text {
            let wanted = TextNormalization.folded(text)
            let matches = options.filter { TextNormalization.folded($0.text) == wanted }
            if matches.count == 1 { return matches[0].label }
        }
        return nil
    }
}
