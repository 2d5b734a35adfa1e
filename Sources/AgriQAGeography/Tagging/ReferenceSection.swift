/// Finds where a research article's reference list starts, so its place names (publishers'
/// cities, "Journal of …") do not tag the document.
enum ReferenceSection {
    /// `text` without a reference list that starts, under a heading line of its own, after the
    /// first 40% of the text.
    static func trimmed(_ text: String) -> Substring {
        let bytes = Array(text.utf8)
        let total = bytes.count
        guard total > 2_000 else { return Substring(text) }
        var lineStart = 0
        for index in 0..<total where bytes[index] == 0x0A {
            defer { lineStart = index + 1 }
            let length = index - lineStart
            guard lineStart > total * 2 / 5, length >= 5, length <= 60,
                mayBeHeading(bytes[lineStart..<index])
            else { continue }
            let line = String(decoding: bytes[lineStart..<index], as: UTF8.self)
            if isHeading(line) {
                let utf8 = text.utf8
                let cut = utf8.index(utf8.startIndex, offsetBy: lineStart)
                return text[..<cut]
            }
        }
        return Substring(text)
    }

    /// Cheap byte test before folding the line: it must contain "rence" (Reference, Références),
    /// "refer" (Referências), "ibliog", "iterat" or "cited", in any case.
    private static let needles: [[UInt8]] = ["rence", "refer", "ibliog", "iterat", "cited"].map { Array($0.utf8) }

    private static func mayBeHeading(_ line: ArraySlice<UInt8>) -> Bool {
        let lower = line.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for needle in needles where lower.count >= needle.count {
            for start in 0...(lower.count - needle.count) where lower[start] == needle[0] {
                if lower[start..<(start + needle.count)].elementsEqual(needle) { return true }
            }
        }
        return false
    }

    private static func isHeading(_ line: String) -> Bool {
        var key = FoldingTokenizer.tokens(line)
        let numbering: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
        while let first = key.first, first.allSatisfy(\.isNumber) || numbering.contains(first) {
            key.removeFirst()
        }
        return TaggingVocabulary.referenceHeadings.contains(key.joined(separator: " "))
    }
}
