import Foundation

/// Splits text into sentences at `.`, `!`, `?` (and `…`) followed by a space and a capital, digit,
/// quote or bracket, without breaking after common abbreviations, initials or decimal numbers.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "vs", "al", "fig", "figs", "no", "nos", "approx", "dr", "mr", "mrs", "ms", "prof",
        "st", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "ca", "cf", "resp", "viz", "spp", "sp", "var", "cv", "cvs", "inc", "ltd", "co", "u.s", "tab", "eq",
        "p", "pp", "vol", "ed", "eds", "min", "max", "av", "env", "op", "sr", "jr", "gen", "dept", "univ",
    ]

    public static func split(_ text: String) -> [String] {
        splitWithOffsets(text).map(\.text)
    }

    /// Sentences with the offset (in `Character`s) of their first character in `text`.
    public static func splitWithOffsets(_ text: String) -> [(text: String, offset: Int)] {
        let characters = Array(text)
        var sentences: [(text: String, offset: Int)] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if ".!?…".contains(character), isBoundary(characters, at: index) {
                var end = index + 1
                while end < characters.count, "\"'”’)]".contains(characters[end]) { end += 1 }
                appendTrimmed(characters[start..<end], at: start, to: &sentences)
                start = end
                index = end
                continue
            }
            index += 1
        }
        if start < characters.count { appendTrimmed(characters[start...], at: start, to: &sentences) }
        return sentences
    }

    private static func appendTrimmed(
        _ slice: ArraySlice<Character>, at start: Int, to sentences: inout [(text: String, offset: Int)]
    ) {
        let leading = slice.prefix { $0.isWhitespace }.count
        let sentence = String(slice).trimmingCharacters(in: .whitespacesAndNewlines)
        if !sentence.isEmpty { sentences.append((sentence, start + leading)) }
    }

    private static func isBoundary(_ characters: [Character], at index: Int) -> Bool {
        var next = index + 1
        while next < characters.count, "\"'”’)]".contains(characters[next]) { next += 1 }
        guard next < characters.count else { return true }
        guard characters[next].isWhitespace else { return false }
        while next < characters.count, characters[next].isWhitespace { next += 1 }
        guard next < characters.count else { return true }
        let following = characters[next]
        guard following.isUppercase || following.isNumber || "\"'“‘([•-–".contains(following) else { return false }
        guard characters[index] == "." else { return true }
        // The word before the period: an abbreviation or a single initial does not end a sentence.
        var wordStart = index
        while wordStart > 0, !characters[wordStart - 1].isWhitespace, characters[wordStart - 1] != "(" { wordStart -= 1 }
        let word = String(characters[wordStart..<index]).lowercased()
        if word.count == 1, word.first?.isLetter == true { return false }
        return !abbreviations.contains(word)
    }
}
