/// A text folded into vocabulary ids, ready for phrase lookup. Tokens not in the matcher's
/// vocabulary get id -1: they can never be part of a place name or a context word.
struct TokenStream: Sendable {
    var text: String
    var ids: [Int32] = []
    var casing: [TokenCase] = []
    var gaps: [GapFlags] = []
    var starts: [Int32] = []
    var ends: [Int32] = []
    var shapes: [TokenShape] = []
    /// Some word has lowercase letters. Text in capitals only (KCC logs, cover titles) gives no
    /// proper-noun signal, so one-word names there need support.
    var hasLowercase = false

    var count: Int { ids.count }

    /// The original (unfolded) text of token `index`, lowercased: "Pará" → "pará".
    func originalLowercased(_ index: Int) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: Int(starts[index]))
        let end = utf8.index(utf8.startIndex, offsetBy: Int(ends[index]))
        return String(text[start..<end]).lowercased()
    }

    /// A year such as "2019" (citations: "Moyo 2020").
    func isYear(_ index: Int) -> Bool { shapes[index] == .year }

    /// A single capital letter (an initial: "J. Rivas", "Rossi, V.").
    func isInitial(_ index: Int) -> Bool { shapes[index] == .initial }

    /// Whether punctuation that ends a clause (sentence end, paragraph break) stands anywhere in
    /// `from...through` (gaps before those tokens).
    func hasBreak(from: Int, through: Int) -> Bool {
        guard from <= through else { return false }
        for index in max(0, from)...min(count - 1, through) where index >= 0 {
            if !gaps[index].isDisjoint(with: [.sentenceEnd, .paragraph]) { return true }
        }
        return false
    }
}

/// Token shapes the resolver reads person-name context from.
enum TokenShape: UInt8, Sendable {
    case word
    /// Four digits from 1800 to 2099.
    case year
    /// One uppercase letter.
    case initial

    init(bytes: UnsafeBufferPointer<UInt8>, casing: TokenCase) {
        if bytes.count == 4, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), bytes[0] == 0x31 || bytes[0] == 0x32,
            (bytes[0] == 0x31 && bytes[1] >= 0x38) || (bytes[0] == 0x32 && bytes[1] == 0x30)
        {
            self = .year
        } else if bytes.count == 1, casing.contains(.allUpper) {
            self = .initial
        } else {
            self = .word
        }
    }
}
