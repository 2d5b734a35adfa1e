/// Splits text into sentences without breaking at abbreviations ("e.g.", "Dr.", "cv."), initials
/// ("J. Smith"), decimals ("2.5") or numbered references ("No. 5").
///
/// Blank lines, bullets and lines that end a sentence are hard boundaries; other line breaks are
/// read as spaces (hard-wrapped text).
enum SentenceSplitter {
    static func sentences(_ text: String) -> [String] {
        blocks(text).flatMap(splitBlock)
    }

    /// Words before a full stop that do not end a sentence (lower-cased, without the stop).
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "eg", "ie", "cf", "dr", "mr", "mrs", "ms", "prof", "st", "vs", "no", "nos", "fig", "figs",
        "approx", "ca", "cv", "cvs", "spp", "sp", "ssp", "var", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "dept", "univ", "vol", "pp", "p", "min", "max", "avg",
        "lb", "lbs", "oz", "ft", "sq", "resp", "incl", "est", "tab", "eq", "ref", "refs", "u.s", "u.k", "mt", "mts",
    ]

    /// Paragraph-like blocks: split at blank lines, bullets, and line breaks after a sentence end
    /// or before a label such as "Answer:".
    static func blocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var current = ""
        func flush() {
            let trimmed = current.trimmingWhitespace()
            if !trimmed.isEmpty { blocks.append(trimmed) }
            current = ""
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        for line in lines {
            if line.isEmpty {
                flush()
                continue
            }
            // Bullets are not ASCII: an ASCII line has none to split at.
            let pieces = line.utf8.allSatisfy({ $0 < 0x80 })
                ? [line[...]] : line.split(whereSeparator: { bullets.contains($0) })
            if line.first.map({ bullets.contains($0) }) == true { flush() }
            for (offset, piece) in pieces.enumerated() {
                let part = piece.trimmingWhitespace()
                if offset > 0 || startsBlock(part) || endsSentence(current) { flush() }
                guard !part.isEmpty else { continue }
                current += current.isEmpty ? part : " " + part
            }
        }
        flush()
        return blocks
    }

    private static let bullets: Set<Character> = ["•", "▪", "◦", "●", "■", "‣"]

    /// "Answer: …", "Question: …": a short label and a colon start a new block.
    private static func startsBlock(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let label = line[..<colon]
        return !label.isEmpty && label.count <= 12 && label.allSatisfy(\.isLetter) && label.first?.isUppercase == true
    }

    private static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last(where: { !closers.contains($0) }) else { return false }
        return ".!?:;".contains(last)
    }

    private static let terminators: Set<Character> = [".", "!", "?", "…"]
    private static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»"]

    /// The sentences of one block.
    static func splitBlock(_ block: String) -> [String] {
        let characters = Array(block)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            guard terminators.contains(characters[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < characters.count, terminators.contains(characters[end]) || closers.contains(characters[end]) {
                end += 1
            }
            // A boundary needs white space and then something that can start a sentence.
            var next = end
            while next < characters.count, characters[next].isWhitespace { next += 1 }
            let spaced = next > end
            let atEnd = next >= characters.count
            let startsSentence = !atEnd && isSentenceStart(characters[next])
            if (atEnd || (spaced && startsSentence)) && !isAbbreviation(characters, stopAt: index) {
                append(characters[start..<end], to: &sentences)
                start = next
            }
            index = end
        }
        append(characters[start..<characters.count], to: &sentences)
        return sentences
    }

    private static func append(_ slice: ArraySlice<Character>, to sentences: inout [String]) {
        let raw = String(slice)
        // Blocks come with single spaces already; collapse only when something else is left.
        let simple = !raw.contains("  ") && !raw.utf8.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 >= 0x80 }
        let text = simple ? raw.trimmingWhitespace() : raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if !text.isEmpty { sentences.append(text) }
    }

    private static func isSentenceStart(_ character: Character) -> Bool {
        character.isUppercase || character.isNumber || "\"'“‘([¿¡«".contains(character)
    }

    /// Whether the full stop at `stop` ends an abbreviation or an initial rather than a sentence.
    private static func isAbbreviation(_ characters: [Character], stopAt stop: Int) -> Bool {
        guard characters[stop] == "." else { return false }
        var begin = stop
        while begin > 0, !characters[begin - 1].isWhitespace, !"(\"'“".contains(characters[begin - 1]) { begin -= 1 }
        let word = String(characters[begin..<stop])
        guard !word.isEmpty else { return false }
        // A single capital letter: an initial ("J. Smith").
        if word.count == 1, let letter = word.first, letter.isUppercase { return true }
        return abbreviations.contains(word.lowercased())
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
