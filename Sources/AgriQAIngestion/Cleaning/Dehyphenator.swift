/// Joins words split across line ends ("fertil-" + "izer" → "fertilizer") while keeping real compounds
/// ("drought-" + "tolerant" stays "drought-tolerant" when the document spells it that way elsewhere).
public struct Dehyphenator: Sendable {
    /// Lower-cased words of the whole document, hyphenated compounds included as single words.
    private let vocabulary: Set<String>

    public init(vocabulary: Set<String>) {
        self.vocabulary = vocabulary
    }

    /// Builds the vocabulary from all lines of a document.
    public init(lines: some Sequence<String>) {
        var words: Set<String> = []
        for line in lines {
            for word in line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
                let trimmed = word.trimmingCharacters(in: ["-"])
                if !trimmed.isEmpty { words.insert(trimmed.lowercased()) }
            }
        }
        self.init(vocabulary: words)
    }

    /// How two consecutive lines of one paragraph are glued.
    public func join(_ previous: String, _ next: String) -> String {
        guard let last = previous.last else { return next }
        guard let first = next.first else { return previous }
        if last == "-" || last == "\u{00AD}" {
            let beforeHyphen = previous.dropLast()
            if let letter = beforeHyphen.last, letter.isLetter, first.isLetter {
                let head = String(beforeHyphen.reversed().prefix { $0.isLetter || $0 == "-" }.reversed())
                let tail = String(next.prefix { $0.isLetter || $0.isNumber || $0 == "-" })
                let compound = (head + "-" + tail).lowercased()
                let joined = (head + tail).lowercased()
                let keepHyphen =
                    last == "-"
                    && ((vocabulary.contains(compound) && !vocabulary.contains(joined)) || first.isUppercase)
                return keepHyphen ? previous + next : String(beforeHyphen) + next
            }
            // A dash standing alone ("10 -" / "20 kg") is not a word break.
            if beforeHyphen.last?.isWhitespace ?? true { return previous + " " + next }
            return previous + next  // "NPK 19-" / "19-19"
        }
        if last == "—" || last == "/" { return previous + next }
        return previous + " " + next
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> Substring {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> Substring {
        String(self).trimmingCharacters(in: set)
    }
}
