/// Designation words that names carry but people often drop: "Whitman County" is also "Whitman",
/// "Nairobi City" also "Nairobi", "Orleans Parish" also "Orleans".
enum NameDesignation {
    /// Trailing designations, as folded token sequences, longest first.
    static let suffixes: [[String]] = [
        ["city", "and", "borough"], ["census", "area"], ["county"], ["parish"], ["borough"],
        ["municipality"], ["municipio"], ["city"], ["district"], ["province"], ["region"],
        ["governorate"], ["prefecture"], ["department"],
    ]

    /// The folded key without its trailing designation, or the key itself when it has none or
    /// when nothing would remain.
    static func strippingDesignation(_ key: String) -> String {
        for suffix in suffixStrings where key.hasSuffix(suffix) && key.utf8.count > suffix.utf8.count {
            return String(key.dropLast(suffix.count))
        }
        return key
    }

    /// " county", " census area", … (with the leading space, so "county" alone stays).
    private static let suffixStrings: [String] = suffixes.map { " " + $0.joined(separator: " ") }
}
