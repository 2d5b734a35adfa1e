import Foundation

/// Unicode clean-up applied to every extracted line: compatibility normalization (NFKC, which also
/// expands ligatures such as "ﬁ" → "fi"), removal of invisible and control characters, and
/// whitespace collapsed to single spaces.
public enum TextNormalizer {
    /// Characters dropped outright: zero-width space/joiners, word joiner, BOM, soft hyphen in mid-line.
    private static let invisible: Set<Unicode.Scalar> = [
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}",
    ]

    public static func normalize(_ text: String) -> String {
        let composed = text.precomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(composed.unicodeScalars.count)
        var lastWasSpace = true
        for scalar in composed.unicodeScalars {
            if invisible.contains(scalar) { continue }
            var mapped = scalar
            switch scalar {
            case "\u{2044}": mapped = "/"  // fraction slash left behind by NFKC ("½" → "1⁄2")
            case "\u{2010}", "\u{2011}": mapped = "-"  // typographic hyphens
            default: break
            }
            if mapped.properties.isWhitespace || mapped.properties.generalCategory == .control {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
                continue
            }
            scalars.append(mapped)
            lastWasSpace = false
        }
        var result = String(scalars)
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
