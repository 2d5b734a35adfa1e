import Foundation

/// BERT's basic tokenization: text cleaning, CJK splitting, accent stripping, lower-casing, then
/// splitting into words on whitespace with every punctuation character its own word.
///
/// The steps and their order follow Hugging Face `tokenizers`' `BertNormalizer` and
/// `BertPreTokenizer` (what `BertTokenizerFast` runs), so the words, and the ids
/// ``WordPieceTokenizer`` makes from them, are the same:
/// 1. clean: drop NUL, U+FFFD and control/format/unassigned scalars; every whitespace → space;
/// 2. put spaces around each CJK ideograph;
/// 3. strip accents (NFD, then drop non-spacing marks) when ``stripsAccents``;
/// 4. lower-case scalar by scalar (full Unicode mapping, no context: `Σ` is always `σ`);
/// 5. split on whitespace and isolate punctuation.
public struct BasicTokenizer: Sendable, Equatable {
    public var lowercase: Bool
    /// `nil` means "strip accents exactly when lower-casing", BERT's default.
    public var stripAccents: Bool?
    public var handleChineseCharacters: Bool
    public var cleanText: Bool

    public init(lowercase: Bool = true, stripAccents: Bool? = nil, handleChineseCharacters: Bool = true,
                cleanText: Bool = true) {
        self.lowercase = lowercase
        self.stripAccents = stripAccents
        self.handleChineseCharacters = handleChineseCharacters
        self.cleanText = cleanText
    }

    public var stripsAccents: Bool { stripAccents ?? lowercase }

    /// Steps 1–4: the normalized text.
    public func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var isASCII = true
        for scalar in text.unicodeScalars {
            if cleanText {
                if scalar.value == 0 || scalar.value == 0xFFFD || BertCharacterClasses.isControl(scalar) { continue }
                if BertCharacterClasses.isWhitespace(scalar) {
                    scalars.append(" ")
                    continue
                }
            }
            if scalar.value >= 0x80 {
                isASCII = false
                if handleChineseCharacters, BertCharacterClasses.isChineseCharacter(scalar) {
                    scalars.append(" ")
                    scalars.append(scalar)
                    scalars.append(" ")
                    continue
                }
            }
            scalars.append(scalar)
        }
        if isASCII {
            if lowercase {
                return String(String.UnicodeScalarView(scalars.lazy.map { scalar in
                    (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
                }))
            }
            return String(scalars)
        }
        var result = String(scalars)
        if stripsAccents {
            var stripped = String.UnicodeScalarView()
            for scalar in result.decomposedStringWithCanonicalMapping.unicodeScalars
            where scalar.properties.generalCategory != .nonspacingMark {
                stripped.append(scalar)
            }
            result = String(stripped)
        }
        if lowercase {
            var lowered = String.UnicodeScalarView()
            for scalar in result.unicodeScalars {
                if scalar.value < 0x80 {
                    lowered.append((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar)
                } else if scalar.properties.changesWhenLowercased {
                    lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    lowered.append(scalar)
                }
            }
            result = String(lowered)
        }
        return result
    }

    /// Step 5 on already-normalized text: words, with each punctuation scalar a word by itself.
    public func splitWords(_ normalized: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in normalized.unicodeScalars {
            if BertCharacterClasses.isWhitespace(scalar) {
                if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            } else if BertCharacterClasses.isPunctuation(scalar) {
                if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
                words.append(String(scalar))
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Normalizes `text` and splits it into words.
    public func tokenize(_ text: String) -> [String] {
        splitWords(normalize(text))
    }
}
