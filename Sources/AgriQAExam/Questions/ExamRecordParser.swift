import Foundation

/// A question as read from one record, before the file-wide decision on integer answer keys.
struct QuestionDraft: Sendable {
    var id: String?
    var question: String
    var options: [ExamQuestion.Option]
    /// The answer key as written (multiple choice), resolved later.
    var answer: RecordValue?
    var answerField: String?
    var reference: String?
    var category: String?
    var region: String?
    var difficulty: String?
    var line: Int
    var location: String
    /// "options + answer", "choices + answerKey", "option columns + answer", "open-ended (reference)".
    var shape: String
}

/// Why a record's options could not be read (becomes a ``ExamInputError/Problem`` naming the field).
struct OptionsError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

/// Reads one record (a JSON object or a CSV row) into a ``QuestionDraft``.
struct ExamRecordParser {
    /// The record's fields by folded name, keeping the name as written for messages.
    private let fields: [String: (name: String, value: RecordValue)]
    private let order: [String]
    let line: Int
    let location: String

    init(fields: [(key: String, value: RecordValue)], line: Int, location: String) {
        var byName: [String: (name: String, value: RecordValue)] = [:]
        var order: [String] = []
        for (key, value) in fields {
            let folded = ExamFields.fold(key)
            if byName[folded] == nil {
                byName[folded] = (key, value)
                order.append(folded)
            }
        }
        self.fields = byName
        self.order = order
        self.line = line
        self.location = location
    }

    private func problem(_ field: String?, _ message: String) -> ExamInputError.Problem {
        ExamInputError.Problem(location: location, field: field, message: message)
    }

    /// The first present, non-empty field among `names`.
    private func field(_ names: [String]) -> (name: String, value: RecordValue)? {
        for name in names {
            if let found = fields[name], found.value != .null, found.value != .string("") { return found }
        }
        return nil
    }

    func parse() -> Result<QuestionDraft, ExamInputError.Problem> {
        guard let questionField = field(ExamFields.question) else {
            return .failure(
                problem(nil, "no question text (looked for \(ExamFields.question.joined(separator: ", ")); found \(order.joined(separator: ", ")))"))
        }
        var questionText: String?
        var nestedChoices: (name: String, value: RecordValue)?
        if case .object(let nested) = questionField.value {
            // ARC's original shape: {"question": {"stem": "...", "choices": [{"text", "label"}]}}.
            let inner = ExamRecordParser(fields: nested, line: line, location: location)
            questionText = inner.field(["stem", "text", "question"])?.value.text
            nestedChoices = inner.field(ExamFields.options).map { ("\(questionField.name).\($0.name)", $0.value) }
        } else {
            questionText = questionField.value.text
        }
        guard let questionText else {
            return .failure(problem(questionField.name, "expected the question as text, found \(questionField.value.kindDescription)"))
        }

        var options: [ExamQuestion.Option] = []
        var optionsName: String?
        if let optionsField = nestedChoices ?? field(ExamFields.options) {
            switch Self.options(from: optionsField.value) {
            case .success(let parsed): options = parsed
            case .failure(let error): return .failure(problem(optionsField.name, error.message))
            }
            optionsName = optionsField.name
        } else {
            let columns = order.compactMap { folded -> (label: String, name: String, text: String)? in
                guard let label = ExamFields.optionColumnLabel(folded), let entry = fields[folded], let text = entry.value.text
                else { return nil }
                return (label, entry.name, text)
            }
            if columns.count >= 2 {
                options = columns.sorted { RecordValue.labelOrder($0.label, $1.label) }.map { .init(label: $0.label, text: $0.text) }
                optionsName = "option columns"
            }
        }
        if let duplicate = Dictionary(grouping: options, by: { $0.label.uppercased() }).first(where: { $0.value.count > 1 }) {
            return .failure(problem(optionsName, "the label \"\(duplicate.key)\" is used by more than one option"))
        }
        if optionsName != nil, options.count < 2 {
            return .failure(problem(optionsName, "a multiple-choice question needs at least two options, found \(options.count)"))
        }

        var draft = QuestionDraft(
            id: field(ExamFields.id)?.value.text, question: questionText, options: options, answer: nil, answerField: nil,
            reference: nil, category: field(ExamFields.category)?.value.text, region: field(ExamFields.region)?.value.text,
            difficulty: field(ExamFields.difficulty)?.value.text, line: line, location: location, shape: "")
        if let optionsName {
            guard let answer = field(ExamFields.answerKey) else {
                return .failure(
                    problem(nil, "\(optionsName) given but no answer key (looked for \(ExamFields.answerKey.joined(separator: ", ")))"))
            }
            draft.answer = answer.value
            draft.answerField = answer.name
            draft.shape = "\(optionsName) + \(answer.name)"
        } else {
            guard let reference = field(ExamFields.reference) else {
                return .failure(
                    problem(
                        nil,
                        "no options (looked for \(ExamFields.options.joined(separator: ", ")) or option columns A, B, C, D) and no reference answer (looked for \(ExamFields.reference.joined(separator: ", ")))"))
            }
            guard let text = reference.value.text else {
                return .failure(problem(reference.name, "expected the reference answer as text, found \(reference.value.kindDescription)"))
            }
            draft.reference = text
            draft.shape = "open-ended (\(reference.name))"
        }
        return .success(draft)
    }

    /// Options from a map of label → text, a list of texts, a list of `{label, text}` objects,
    /// ARC's `{"text": [...], "label": [...]}`, or a text cell holding JSON or `A) … | B) …`.
    static func options(from value: RecordValue) -> Result<[ExamQuestion.Option], OptionsError> {
        switch value {
        case .object(let entries):
            let folded = Dictionary(entries.map { (ExamFields.fold($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
            if case .array(let texts)? = folded["text"], case .array(let labels)? = folded["label"] {
                guard texts.count == labels.count else {
                    return .failure(OptionsError("\"text\" has \(texts.count) entries but \"label\" has \(labels.count)"))
                }
                var options: [ExamQuestion.Option] = []
                for (label, text) in zip(labels, texts) {
                    guard let label = label.text, let text = text.text else { return .failure(OptionsError("an option's label or text is empty")) }
                    options.append(.init(label: label, text: text))
                }
                return .success(options)
            }
            var options: [ExamQuestion.Option] = []
            for (label, text) in entries {
                guard let text = text.text else {
                    return .failure(OptionsError("option \"\(label)\" should be text, found \(text.kindDescription)"))
                }
                options.append(.init(label: label.trimmingCharacters(in: .whitespaces), text: text))
            }
            return .success(options)
        case .array(let items):
            guard items.count <= 26 else { return .failure(OptionsError("more than 26 options (\(items.count))")) }
            var options: [ExamQuestion.Option] = []
            for (offset, item) in items.enumerated() {
                let letter = String(UnicodeScalar(UInt8(65 + offset)))
                if let text = item.text {
                    options.append(.init(label: letter, text: text))
                } else if case .object(let entries) = item {
                    let parser = ExamRecordParser(fields: entries, line: 0, location: "")
                    guard let text = parser.field(ExamFields.optionText)?.value.text else {
                        return .failure(OptionsError("option \(offset + 1) has no text (looked for \(ExamFields.optionText.joined(separator: ", ")))"))
                    }
                    let label = parser.field(ExamFields.optionLabel)?.value.text ?? letter
                    options.append(.init(label: label, text: text))
                } else {
                    return .failure(OptionsError("option \(offset + 1) should be text, found \(item.kindDescription)"))
                }
            }
            return .success(options)
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasPrefix("[") || trimmed.hasPrefix("{"),
                let json = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8), options: [.fragmentsAllowed])
            {
                return options(from: RecordValue(json: json))
            }
            return labelledOptions(in: trimmed)
        default:
            return .failure(OptionsError("expected a map of labels to texts or a list of texts, found \(value.kindDescription)"))
        }
    }

    /// `A) text | B) text` or one option per line (`A. text`); unlabelled parts get A, B, C.
    private static func labelledOptions(in text: String) -> Result<[ExamQuestion.Option], OptionsError> {
        let separator: Character = text.contains("|") ? "|" : "\n"
        let parts = text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard parts.count >= 2 else {
            return .failure(OptionsError("expected several options (a JSON list or map, or options separated by | or new lines), found one text"))
        }
        var options: [ExamQuestion.Option] = []
        for (offset, part) in parts.enumerated() {
            let letter = String(UnicodeScalar(UInt8(65 + min(offset, 25))))
            let characters = Array(part)
            if characters.count > 2, characters[0].isLetter, characters[0].isUppercase,
                [")", ".", ":"].contains(characters[1])
            {
                options.append(.init(label: String(characters[0]), text: String(characters[2...]).trimmingCharacters(in: .whitespaces)))
            } else {
                options.append(.init(label: letter, text: part))
            }
        }
        return .success(options)
    }
}
