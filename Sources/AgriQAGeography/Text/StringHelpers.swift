/// Small string helpers used across the geography layer (Foundation-free, ASCII fast paths).
extension StringProtocol {
    /// The string without leading and trailing whitespace (including no-break spaces and newlines).
    func trimmed() -> String {
        // Fast path: most values start and end with a visible ASCII character.
        let string = String(self)
        if let first = string.utf8.first, let last = string.utf8.last, (0x21...0x7E).contains(first),
            (0x21...0x7E).contains(last)
        {
            return string
        }
        if isEmpty { return "" }
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}

extension String {
    /// The string without space characters ("ranga reddy" → "rangareddy").
    func removingSpaces() -> String { filter { $0 != " " } }
}
