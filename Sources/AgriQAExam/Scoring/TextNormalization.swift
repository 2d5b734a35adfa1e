import AgriQADomain
import Foundation

/// Text folding shared by answer matching and the open-ended metrics.
enum TextNormalization {
    /// Lower case, diacritics removed, every run of non-alphanumerics a single space, trimmed.
    static func folded(_ text: String) -> String {
        tokens(text, dropArticles: false).joined(separator: " ")
    }

    /// Words for token F1 and ROUGE-L, as SQuAD's evaluation normalizes them: lower case,
    /// punctuation removed, and (by default) the articles a, an, the dropped.
    static func tokens(_ text: String, dropArticles: Bool = true) -> [String] {
        let words = FoldedWords.of(text)
        guard dropArticles else { return words }
        return words.filter { $0 != "a" && $0 != "an" && $0 != "the" }
    }
}
