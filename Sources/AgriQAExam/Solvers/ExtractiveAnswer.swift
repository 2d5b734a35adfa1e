import AgriQAIndex
import Foundation

/// Without a model, an open-ended question is answered with the retrieved sentences that cover
/// most of the question's words (rarer words count as much as common ones; long sentences pay
/// for their length).
enum ExtractiveAnswer {
    /// At most this many words in the answer.
    static let wordLimit = 60

    static func best(for question: String, in passages: [String]) -> String {
        let terms = Set(FTSQuery.terms(question))
        var candidates: [(sentence: String, score: Double, order: Int)] = []
        for passage in passages {
            for sentence in sentences(passage) {
                let words = TextNormalization.tokens(sentence)
                guard words.count >= 4 else { continue }
                let covered = Set(words).intersection(terms).count
                guard covered > 0 else { continue }
                candidates.append((sentence, Double(covered) / Double(words.count).squareRoot(), candidates.count))
            }
        }
        candidates.sort { $0.score > $1.score || ($0.score == $1.score && $0.order < $1.order) }
        var answer: [String] = []
        var words = 0
        for candidate in candidates {
            let count = candidate.sentence.split(separator: " ").count
            if !answer.isEmpty, words + count > wordLimit { break }
            answer.append(candidate.sentence)
            words += count
        }
        return answer.joined(separator: " ")
    }

    /// Sentences split at `.`, `!` or `?` followed by white space.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text.replacingOccurrences(of: "\n", with: " ") {
            if character == " ", [".", "!", "?"].contains(previous) {
                let trimmed = current.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { result.append(trimmed) }
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        let trimmed = current.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { result.append(trimmed) }
        return result.map { $0.hasSuffix("…") ? String($0.dropLast()).trimmingCharacters(in: .whitespaces) : $0 }
    }
}
