/// What the citation check found in an answer.
public struct CitationCheck: Sendable, Equatable {
    /// The answer with markers naming unknown sources removed.
    public var text: String
    /// Source numbers cited, ascending.
    public var used: [Int]
    /// Cited numbers that name no given source, ascending; their markers are gone from `text`.
    public var removed: [Int]
    /// No valid marker at all.
    public var uncited: Bool
}

/// Checks the `[n]` markers of an answer against the sources it was given.
///
/// Markers: `[1]`, `[1, 3]`, `[1-3]` (hyphen or dash), `[1][2]`, `[1; 3]`, `[Source 2]`. A marker
/// mixing valid and unknown numbers keeps the valid ones (`[1, 9]` → `[1]`); one naming only unknown
/// sources is removed with the space before it. Brackets holding anything else (words, years such
/// as `[2024]`) are left alone.
public enum CitationChecker {
    /// Ranges wider than this (`[1-500]`) are read as their two ends only.
    static let maximumRange = 50

    public static func check(_ text: String, sourceCount: Int) -> CitationCheck {
        let valid = 1...max(1, sourceCount)
        var output = ""
        var used: Set<Int> = []
        var removed: Set<Int> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "[") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "]"),
                let numbers = parseMarker(rest[rest.index(after: open)..<close])
            else {
                output.append("[")
                rest = rest[rest.index(after: open)...]
                continue
            }
            let kept = numbers.filter { sourceCount > 0 && valid.contains($0) }
            removed.formUnion(numbers.filter { !(sourceCount > 0 && valid.contains($0)) })
            used.formUnion(kept)
            if kept.count == numbers.count {
                output += rest[open...close]
            } else if !kept.isEmpty {
                output += "[" + kept.map(String.init).joined(separator: ", ") + "]"
            } else if output.last == " " {
                output.removeLast()
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return CitationCheck(
            text: output.trimmingWhitespace(), used: used.sorted(), removed: removed.sorted(), uncited: used.isEmpty)
    }

    /// The numbers a marker's inside names, in order without repeats, or nil when it is not a
    /// citation marker.
    static func parseMarker(_ inside: Substring) -> [Int]? {
        var body = inside.trimmingWhitespace().lowercased()[...]
        for prefix in ["sources", "source", "src", "refs", "ref"] where body.hasPrefix(prefix) {
            body = body.dropFirst(prefix.count).drop { $0.isWhitespace || $0 == "." }
            break
        }
        guard !body.isEmpty, body.count <= 80 else { return nil }
        var numbers: [Int] = []
        for part in body.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let piece = part.trimmingWhitespace()
            let ends = piece.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" }).map { $0.trimmingWhitespace() }
            switch ends.count {
            case 1:
                guard let number = integer(ends[0]) else { return nil }
                numbers.append(number)
            case 2:
                guard let low = integer(ends[0]), let high = integer(ends[1]) else { return nil }
                if low <= high, high - low <= maximumRange {
                    numbers += Array(low...high)
                } else {
                    numbers += [low, high]
                }
            default:
                return nil
            }
        }
        var seen: Set<Int> = []
        return numbers.filter { seen.insert($0).inserted }
    }

    private static func integer(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 3, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
