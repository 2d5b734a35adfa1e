import Foundation

/// What the answer extraction cascade found in a model's output.
public struct ExtractedAnswer: Sendable, Codable, Equatable {
    /// How the answer was found, in the order the cascade tries.
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// `{"answer": "B"}` anywhere in the output.
        case json
        /// `Answer: B`, `the answer is (B)`, `Final answer - B` (the last one wins).
        case answerLine = "answer line"
        /// A single parenthesised label such as `(B)`.
        case parenthesised
        /// The whole output is a label (`B`, `B.`, `B) text`).
        case loneLetter = "lone letter"
        /// The output quotes exactly one option's text.
        case optionText = "option text"
    }

    /// The option's label, nil when nothing could be extracted (an invalid answer).
    public var label: String?
    public var method: Method?

    public init(label: String?, method: Method?) {
        self.label = label
        self.method = method
    }

    public static let none = ExtractedAnswer(label: nil, method: nil)
}

/// The answer extraction cascade: JSON `{"answer":"B"}`, `Answer: B`, `(B)`, a lone letter, the
/// option's text. Each step accepts only labels the question has; ambiguous matches fall through.
public enum AnswerExtractor {
    public static func extract(_ output: String, options: [ExamQuestion.Option]) -> ExtractedAnswer {
        let text = stripThinking(output)
        let labels = options.map(\.label)
        guard !labels.isEmpty else { return .none }
        if let label = fromJSON(text, options: options) { return .init(label: label, method: .json) }
        if let label = fromAnswerLine(text, labels: labels) { return .init(label: label, method: .answerLine) }
        if let label = fromParentheses(text, labels: labels) { return .init(label: label, method: .parenthesised) }
        if let label = fromLoneLabel(text, labels: labels) { return .init(label: label, method: .loneLetter) }
        if let label = fromOptionText(text, options: options) { return .init(label: label, method: .optionText) }
        return .none
    }

    /// Drops `<think>…</think>` blocks that reasoning models put before their answer.
    static func stripThinking(_ text: String) -> String {
        var result = text
        while let open = result.range(of: "<think>"), let close = result.range(of: "</think>", range: open.upperBound..<result.endIndex) {
            result.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func match(_ candidate: Substring, _ labels: [String]) -> String? {
        let cleaned = candidate.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'*()[]{}.,:;"))
        return labels.first { $0.caseInsensitiveCompare(cleaned) == .orderedSame }
    }

    /// A JSON object with an `answer` (or `choice`, `option`, `label`) key, possibly inside a code
    /// fence; its value is a label or (small models do this) an option's text.
    static func fromJSON(_ text: String, options: [ExamQuestion.Option]) -> String? {
        let labels = options.map(\.label)
        var searchStart = text.startIndex
        var found: String?
        while let open = text[searchStart...].firstIndex(of: "{") {
            guard let close = matchingBrace(in: text, from: open) else { break }
            let candidate = String(text[open...close])
            if let object = try? JSONSerialization.jsonObject(with: Data(candidate.utf8)) as? [String: Any] {
                for (key, value) in object where ["answer", "choice", "option", "label", "final_answer", "finalanswer"].contains(key.lowercased()) {
                    let raw = (value as? String) ?? (value as? NSNumber).map { "\($0)" } ?? ""
                    if let label = match(Substring(raw), labels) ?? fromOptionText(raw, options: options) { found = label }
                }
            }
            searchStart = text.index(after: open)
        }
        return found
    }

    private static func matchingBrace(in text: String, from open: String.Index) -> String.Index? {
        var depth = 0
        var inString = false
        var escaped = false
        var index = open
        while index < text.endIndex {
            let character = text[index]
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "{" {
                depth += 1
            } else if character == "}" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `Answer: B`, `Final answer: (B)`, `the correct answer is B`, `answer is option B` — the last
    /// occurrence, since chain-of-thought ends with the conclusion.
    static func fromAnswerLine(_ text: String, labels: [String]) -> String? {
        let pattern = #"(?i)\banswer(?:\s|\*|:|=|-|–)*(?:is\b)?(?:\s|\*|:)*(?:option\b|choice\b)?(?:\s|:|-)*(?:\(|\[|\*|"|')*([A-Za-z0-9]{1,2})(?:\)|\]|\*|"|'|\.|,|;|:)*(?=\s|$)"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        var found: String?
        for result in expression.matches(in: text, range: range) {
            guard let group = Range(result.range(at: 1), in: text), let label = match(text[group], labels) else { continue }
            // "the answer is a mix of …": a lower-case letter followed by more words is prose.
            if text[group].first?.isLowercase == true {
                let rest = text[group.upperBound...].prefix { $0 != "\n" }
                if rest.contains(where: \.isLetter) { continue }
            }
            found = label
        }
        return found
    }

    /// Exactly one distinct parenthesised label, `(B)`.
    static func fromParentheses(_ text: String, labels: [String]) -> String? {
        guard let expression = try? NSRegularExpression(pattern: #"\(([A-Za-z0-9]{1,2})\)"#) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        var distinct: Set<String> = []
        for result in expression.matches(in: text, range: range) {
            guard let group = Range(result.range(at: 1), in: text) else { continue }
            let raw = text[group]
            // Lower-case single letters in parentheses are usually list markers in prose, not answers.
            if raw.count == 1, raw.first?.isLowercase == true, labels.allSatisfy({ $0.first?.isUppercase == true }) { continue }
            if let label = match(raw, labels) { distinct.insert(label) }
        }
        return distinct.count == 1 ? distinct.first : nil
    }

    /// The output is only a label, or starts with one followed by `.`, `)` or `:` (`B. Nitrogen`).
    static func fromLoneLabel(_ text: String, labels: [String]) -> String? {
        if let label = match(Substring(text), labels) { return label }
        let characters = Array(text)
        guard characters.count >= 2 else { return nil }
        let head = characters.prefix { $0.isLetter || $0.isNumber }
        guard head.count <= 2, head.count < characters.count, [")", ".", ":"].contains(characters[head.count]) else { return nil }
        return match(Substring(String(head)), labels)
    }

    /// The output contains exactly one option's text (normalized), or is contained in exactly one.
    static func fromOptionText(_ text: String, options: [ExamQuestion.Option]) -> String? {
        let output = " " + TextNormalization.folded(text) + " "
        guard output.count > 2 else { return nil }
        let containing = options.filter { option in
            let folded = TextNormalization.folded(option.text)
            return !folded.isEmpty && output.contains(" " + folded + " ")
        }
        if containing.count == 1 { return containing[0].label }
        if containing.count > 1 {
            // Prefer the longest when one option's text is inside another's ("nitrogen" vs "nitrogen and sulfur").
            let sorted = containing.sorted { $0.text.count > $1.text.count }
            let longest = TextNormalization.folded(sorted[0].text)
            if sorted.dropFirst().allSatisfy({ longest.contains(TextNormalization.folded($0.text)) }) { return sorted[0].label }
            return nil
        }
        let trimmed = output.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 8 else { return nil }
        let inside = options.filter { (" " + TextNormalization.folded($0.text) + " ").contains(" " + trimmed + " ") }
        return inside.count == 1 ? inside[0].label : nil
    }
}
