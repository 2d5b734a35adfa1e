/// Case information about a token, taken from the original text before folding.
struct TokenCase: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    /// The first letter is uppercase ("Kenya", "KENYA").
    static let firstUpper = TokenCase(rawValue: 1)
    /// Every cased letter is uppercase ("KENYA", "WA").
    static let allUpper = TokenCase(rawValue: 2)
    /// No cased letter at all (digits, Devanagari, Telugu…): capitalization tells nothing.
    static let uncased = TokenCase(rawValue: 4)
    /// Some letter carried a diacritic that folding removed ("Pará").
    static let accented = TokenCase(rawValue: 8)
}

/// Where a token sits in the original text and what surrounded it.
struct TokenInfo: Sendable {
    /// UTF-8 offsets of the token in the original string.
    var start: Int
    var end: Int
    var casing: TokenCase
    /// Punctuation between the previous token and this one (empty for plain spaces).
    var gapBefore: GapFlags
}

/// Splits text into folded word tokens: lowercase, diacritics stripped, compatibility-normalized,
/// split at every non-letter/digit. One pass over the Unicode scalars, no regular expressions.
struct FoldingTokenizer {
    /// Folds of scalars outside the precomputed tables, cached for this tokenizer's lifetime.
    private var cache: [UInt32: ScalarFold] = [:]
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(64) }

    /// Calls `body` for every token with its folded UTF-8 bytes.
    mutating func forEachToken(
        in text: String, _ body: (UnsafeBufferPointer<UInt8>, TokenInfo) -> Void
    ) {
        buffer.removeAll(keepingCapacity: true)
        var offset = 0
        var tokenStart = 0
        var gap: GapFlags = []
        var sawUpper = false, sawLower = false, firstUpper = false, firstCased = false
        var accented = false

        func flush(end: Int) {
            guard !buffer.isEmpty else { return }
            var casing: TokenCase = []
            if firstUpper { casing.insert(.firstUpper) }
            if sawUpper && !sawLower { casing.insert(.allUpper) }
            if !sawUpper && !sawLower { casing.insert(.uncased) }
            if accented { casing.insert(.accented) }
            let info = TokenInfo(start: tokenStart, end: end, casing: casing, gapBefore: gap)
            buffer.withUnsafeBufferPointer { body($0, info) }
            buffer.removeAll(keepingCapacity: true)
            gap = []
            sawUpper = false
            sawLower = false
            firstUpper = false
            firstCased = false
            accented = false
        }

        let asciiClass = ScalarFolding.asciiClass
        let asciiGaps = ScalarFolding.asciiGaps
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                switch asciiClass[Int(byte)] {
                case 1:
                    if buffer.isEmpty { tokenStart = offset }
                    buffer.append(byte)
                    if !firstCased && byte >= 0x61 {
                        firstCased = true
                        firstUpper = false
                    }
                    if byte >= 0x61 { sawLower = true }
                    offset += 1
                    continue
                case 2:
                    if buffer.isEmpty { tokenStart = offset }
                    buffer.append(byte | 0x20)
                    if !firstCased {
                        firstCased = true
                        firstUpper = true
                    }
                    sawUpper = true
                    offset += 1
                    continue
                case 0:
                    flush(end: offset)
                    let flags = asciiGaps[Int(byte)]
                    if flags.contains(.lineBreak) && gap.contains(.lineBreak) { gap.insert(.paragraph) }
                    gap.formUnion(flags)
                    offset += 1
                    continue
                default:
                    break  // "&": the general path below
                }
            }
            let width = UTF8.width(scalar)
            let fold: ScalarFold
            if let cheap = ScalarFolding.tableFold(scalar) {
                fold = cheap
            } else if let cached = cache[scalar.value] {
                fold = cached
            } else {
                fold = ScalarFolding.computeFold(scalar)
                cache[scalar.value] = fold
            }
            switch fold {
            case .word(let bytes, let upper, let lower, let hasAccent):
                if buffer.isEmpty { tokenStart = offset }
                buffer.append(contentsOf: bytes)
                if !firstCased && (upper || lower) {
                    firstCased = true
                    firstUpper = upper
                }
                sawUpper = sawUpper || upper
                sawLower = sawLower || lower
                accented = accented || hasAccent
            case .mark:
                if !buffer.isEmpty { accented = true }
            case .separator(let flags):
                flush(end: offset)
                if flags.contains(.lineBreak) && gap.contains(.lineBreak) { gap.insert(.paragraph) }
                gap.formUnion(flags)
            case .ampersand:
                flush(end: offset)
                buffer.append(contentsOf: [0x61, 0x6E, 0x64])  // "and"
                tokenStart = offset
                flush(end: offset + width)
            }
            offset += width
        }
        flush(end: offset)
    }

    /// Folded tokens of a short string (names, queries).
    static func tokens(_ text: String) -> [String] {
        var tokenizer = FoldingTokenizer()
        var result: [String] = []
        tokenizer.forEachToken(in: text) { bytes, _ in
            result.append(String(decoding: bytes, as: UTF8.self))
        }
        return result
    }

    /// The folded key of a name: its tokens joined by single spaces ("Côte d’Ivoire" → "cote d ivoire").
    static func key(_ text: String) -> String {
        var tokenizer = FoldingTokenizer()
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        tokenizer.forEachToken(in: text) { bytes, _ in
            if !key.isEmpty { key.append(0x20) }
            key.append(contentsOf: bytes)
        }
        return String(decoding: key, as: UTF8.self)
    }
}
