/// What one Unicode scalar becomes when text is folded for place-name matching: lowercase,
/// without diacritics, compatibility-decomposed (NFKC/NFKD folding: "ﬁ" → "fi", "Ｔ" → "t").
enum ScalarFold: Sendable {
    /// Letters or digits to append to the current token (folded UTF-8), with the case of the original.
    case word(bytes: [UInt8], upper: Bool, lower: Bool, accented: Bool)
    /// A combining mark: dropped, the token goes on ("e" + U+0301 folds like "é").
    case mark
    /// Ends the current token; the flags say which punctuation stood there.
    case separator(GapFlags)
    /// "&": a token of its own, folded to "and" ("Jammu & Kashmir" = "Jammu and Kashmir").
    case ampersand
}

/// Punctuation seen between two tokens. Qualifiers ("Whitman County, WA", "Sorriso (MT)") and
/// sentence starts are read from these.
struct GapFlags: OptionSet, Sendable, Hashable {
    let rawValue: UInt16
    static let comma = GapFlags(rawValue: 1)
    static let openParen = GapFlags(rawValue: 2)
    static let closeParen = GapFlags(rawValue: 4)
    static let dash = GapFlags(rawValue: 8)
    static let slash = GapFlags(rawValue: 16)
    static let sentenceEnd = GapFlags(rawValue: 32)
    static let lineBreak = GapFlags(rawValue: 64)
    static let other = GapFlags(rawValue: 128)
    /// Two line breaks or more: a paragraph boundary. (A single line break is often just the
    /// wrapping of extracted PDF text, so it does not end a phrase's context.)
    static let paragraph = GapFlags(rawValue: 256)
}

/// Folding of single scalars, with a precomputed table for the Latin ranges that make up almost
/// all of the text we see; other scripts take the slow path (cached per tokenizer run).
enum ScalarFolding {
    /// Latin-1, Latin Extended-A/B, IPA block start: U+0000..U+024F.
    private static let latinTable: [ScalarFold] = (0..<0x250).map { value in
        Unicode.Scalar(UInt32(value)).map(computeFold) ?? .separator([])
    }
    /// Latin Extended Additional (Vietnamese and others): U+1E00..U+1EFF.
    private static let vietnameseTable: [ScalarFold] = (0x1E00..<0x1F00).map { value in
        Unicode.Scalar(UInt32(value)).map(computeFold) ?? .separator([])
    }

    /// ASCII fast path: for each byte, 0 = separator, 1 = lowercase letter or digit, 2 = uppercase
    /// letter, 3 = "&".
    static let asciiClass: [UInt8] = (0..<128).map { value in
        switch UInt8(value) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return 1
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return 2
        case UInt8(ascii: "&"): return 3
        default: return 0
        }
    }

    /// Gap flags of ASCII separators.
    static let asciiGaps: [GapFlags] = (0..<128).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)), case .separator(let flags) = computeFold(scalar) else {
            return []
        }
        return flags
    }

    /// The fold of a scalar if it is in a precomputed range, else nil.
    @inline(__always)
    static func tableFold(_ scalar: Unicode.Scalar) -> ScalarFold? {
        let v = scalar.value
        if v < 0x250 { return latinTable[Int(v)] }
        if v >= 0x1E00 && v < 0x1F00 { return vietnameseTable[Int(v - 0x1E00)] }
        return nil
    }

    /// Letters that do not decompose but have a conventional ASCII spelling.
    private static let specialLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
        "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŋ": "ng", "Ŋ": "ng", "ĸ": "k",
        "ə": "e", "Ə": "e",
    ]

    /// Apostrophe-like letters that are dropped inside a word ("Hawaiʻi" = "Hawaii").
    private static let droppedModifiers: Set<Unicode.Scalar> = ["\u{02BB}", "\u{02BC}", "\u{02BD}"]

    /// The full (slow) computation, used to fill the tables and for other scripts.
    static func computeFold(_ scalar: Unicode.Scalar) -> ScalarFold {
        let props = scalar.properties
        switch scalar {
        case "&": return .ampersand
        case ",", "\u{060C}", "\u{3001}", "\u{FF0C}": return .separator(.comma)
        case "(", "[", "{", "\u{FF08}": return .separator(.openParen)
        case ")", "]", "}", "\u{FF09}": return .separator(.closeParen)
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}":
            return .separator(.dash)
        case "/", "\u{2044}", "\\": return .separator(.slash)
        case ".", "!", "?", ";", ":", "\u{3002}", "\u{0964}", "\u{2026}": return .separator(.sentenceEnd)
        case "\n", "\u{2028}", "\u{0B}", "\u{0C}", "\u{85}": return .separator(.lineBreak)
        case "\u{2029}": return .separator([.lineBreak, .paragraph])
        case "\r": return .separator([])
        default: break
        }
        if droppedModifiers.contains(scalar) { return .mark }
        switch props.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return .mark
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .spacingMark:
            break
        default:
            return .separator(props.isWhitespace ? [] : .other)
        }
        let upper = props.isUppercase || props.generalCategory == .titlecaseLetter
        let lower = props.isLowercase
        if let special = specialLetters[scalar] {
            return .word(bytes: Array(special.utf8), upper: upper, lower: lower, accented: true)
        }
        let decomposed = String(Character(scalar)).decomposedStringWithCompatibilityMapping
        var kept = String.UnicodeScalarView()
        var accented = false
        for part in decomposed.unicodeScalars {
            let category = part.properties.generalCategory
            if category == .nonspacingMark || category == .enclosingMark {
                accented = true
                continue
            }
            if let special = specialLetters[part] {
                kept.append(contentsOf: special.unicodeScalars)
                accented = true
                continue
            }
            kept.append(part)
        }
        let lowered = String(kept).lowercased()
        // Compatibility decomposition can produce punctuation or spaces ("½" → "1⁄2", "㎏" → "kg").
        var bytes: [UInt8] = []
        for part in lowered.unicodeScalars {
            let category = part.properties.generalCategory
            switch category {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber, .spacingMark:
                bytes.append(contentsOf: Array(String(part).utf8))
            default:
                continue
            }
        }
        if bytes.isEmpty { return .separator([]) }
        return .word(bytes: bytes, upper: upper, lower: lower, accented: accented)
    }
}
