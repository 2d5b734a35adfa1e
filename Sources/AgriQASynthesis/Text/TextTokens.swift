import AgriQADomain
import Foundation

/// Word tokens for the lexical measures (dedupe, overlap, groundedness): case and diacritics
/// folded, split at every character that is not a letter or digit.
public enum TextTokens {
    /// Every word, in order.
    public static func words(_ text: String) -> [String] { FoldedWords.of(text) }

    /// Content words: ``words(_:)`` without English stop words, with a plural "s" removed from
    /// words longer than four letters ("seeds" and "seed" match).
    public static func contentWords(_ text: String) -> [String] {
        words(text).compactMap { word in
            guard !stopwords.contains(word) else { return nil }
            if word.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
            return word
        }
    }

    /// Function words and question words that say nothing about a question's subject.
    public static let stopwords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "as", "into",
        "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "can", "could", "should", "would", "will",
        "shall", "may", "might", "must", "have", "has", "had", "i", "my", "we", "our", "you", "your", "it", "its", "they",
        "their", "them", "this", "that", "these", "those", "there", "what", "which", "who", "whom", "whose", "when", "where",
        "why", "how", "if", "than", "then", "so", "not", "no", "any", "some", "much", "many", "more", "most", "also", "up",
        "out", "over", "under", "between", "during", "before", "after", "per", "each", "such", "very", "just", "me", "he",
        "she", "his", "her",
    ]
}
