/// The character classes of BERT's basic tokenization, defined exactly as Hugging Face
/// `tokenizers` (BertNormalizer, BertPreTokenizer) defines them, so token ids match.
enum BertCharacterClasses {
    /// Whitespace: tab, newline, carriage return and every Unicode `White_Space` scalar
    /// (including no-break space).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D: true
        case 0..<0x80: false
        default: scalar.properties.isWhitespace
        }
    }

    /// Control and other "invisible" scalars removed by text cleaning: general categories
    /// Cc, Cf, Cn, Co, Cs, except tab, newline and carriage return (which count as whitespace).
    @inline(__always)
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x20..<0x7F: return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .unassigned, .privateUse, .surrogate: return true
            default: return false
            }
        }
    }

    /// Punctuation: any ASCII punctuation (which includes symbols such as `$ + < = > ^ | ~`)
    /// and every Unicode punctuation category (Pc, Pd, Ps, Pe, Pi, Pf, Po).
    @inline(__always)
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
                || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// CJK ideographs (the CJK Unified Ideographs blocks and compatibility ideographs), which
    /// BERT treats as one word each. Hiragana, katakana and hangul are not included, as in BERT.
    @inline(__always)
    static func isChineseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            true
        default:
            false
        }
    }
}
