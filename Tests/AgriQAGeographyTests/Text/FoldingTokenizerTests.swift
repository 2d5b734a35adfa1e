import Testing

@testable import AgriQAGeography

@Suite("Folding tokenizer")
struct FoldingTokenizerTests {
    @Test("case, accents, punctuation and compatibility forms fold to the same key")
    func foldsNames() throws {
        #expect(FoldingTokenizer.key("Côte d’Ivoire") == "cote d ivoire")
        #expect(FoldingTokenizer.key("ANDHRA PRADESH") == "andhra pradesh")
        #expect(FoldingTokenizer.key("Andhra-Pradesh") == "andhra pradesh")
        #expect(FoldingTokenizer.key("Sénégal") == FoldingTokenizer.key("Senegal"))
        #expect(FoldingTokenizer.key("Se\u{301}ne\u{301}gal") == "senegal")  // decomposed accents
        #expect(FoldingTokenizer.key("Tamil Nādu") == "tamil nadu")
        #expect(FoldingTokenizer.key("ﬁeld") == "field")  // ligature (NFKC)
        #expect(FoldingTokenizer.key("ＵＳＡ") == "usa")  // full-width letters
        #expect(FoldingTokenizer.key("Straße") == "strasse")
        #expect(FoldingTokenizer.key("Hawaiʻi") == "hawaii")
        #expect(FoldingTokenizer.key("Jammu & Kashmir") == "jammu and kashmir")
        #expect(FoldingTokenizer.key("  ") == "")
    }

    @Test("tokens keep their case and the punctuation before them")
    func recordsCaseAndGaps() throws {
        var infos: [(String, TokenInfo)] = []
        var tokenizer = FoldingTokenizer()
        let text = "Kenya KENYA kenya 2020, Whitman County (WA)\n\nNext"
        tokenizer.forEachToken(in: text) { bytes, info in
            infos.append((String(decoding: bytes, as: UTF8.self), info))
        }
        #expect(infos.map(\.0) == ["kenya", "kenya", "kenya", "2020", "whitman", "county", "wa", "next"])
        #expect(infos[0].1.casing.contains(.firstUpper) && !infos[0].1.casing.contains(.allUpper))
        #expect(infos[1].1.casing.contains(.allUpper))
        #expect(infos[2].1.casing.isEmpty)
        #expect(infos[3].1.casing.contains(.uncased))
        #expect(infos[4].1.gapBefore.contains(.comma))
        #expect(infos[6].1.gapBefore.contains(.openParen))
        #expect(infos[7].1.gapBefore.contains(.paragraph))
        // Offsets point back into the original text.
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[infos[4].1.start..<infos[4].1.end], as: UTF8.self) == "Whitman")
    }

    @Test("accented letters are flagged, so \"Pará\" can be told from \"para\"")
    func flagsAccents() throws {
        var flags: [TokenCase] = []
        var tokenizer = FoldingTokenizer()
        tokenizer.forEachToken(in: "Pará para") { _, info in flags.append(info.casing) }
        #expect(flags.count == 2)
        #expect(flags[0].contains(.accented))
        #expect(!flags[1].contains(.accented))
    }
}
