import Foundation

/// The words of a text as the lexical measures compare them (exam answer matching, token F1 and
/// ROUGE-L, synthesis dedupe and groundedness): case, diacritics and width folded, split at every
/// character that is not a letter or digit, in order.
public enum FoldedWords {
    public static func of(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var word = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}
