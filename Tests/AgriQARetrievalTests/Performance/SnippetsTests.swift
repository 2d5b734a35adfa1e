import Testing

@testable import AgriQARetrieval

/// The byte-level (ASCII) paths of snippets, matched terms and openings give exactly what the
/// `Character`-level code gives, on hand-picked and generated texts.
@Suite struct SnippetsTests {
    static let words = [
        "wheat", "Wheat", "WHEAT", "wheaten", "sow", "sowing", "rust", "Rusts", "nitrogen", "N", "kg", "20",
        "2024", "ha", "paddy", "PADDY", "transplant", "seedlings", "irrigate", "irrigation", "café", "récolte",
        "ñame", "e\u{301}te", "వరి", "పంట", "Ⅻ", "ﬁeld", "İzmir", "straße",
    ]
    static let separators = [" ", "  ", "\n", "\r\n", "\n\n", "\t", ", ", ". ", "-", "/", " (", ") ", "\u{0B}", "\u{0C}", "\r", "…", "\u{00A0}"]

    static let handPicked: [(text: String, terms: [String])] = [
        ("Sow winter wheat in late September.\nApply nitrogen at tillering.", ["wheat", "nitrogen", "rice"]),
        ("\n\nLeading and trailing newlines\r\n\r\n", ["trailing", "lead"]),
        (String(repeating: "filler words here ", count: 20) + "then the key term wheat appears", ["wheat"]),
        (String(repeating: "x", count: 90) + " wheat", ["wheat"]),
        ("Wheat" + String(repeating: " word", count: 80), ["wheat", "word"]),
        ("", ["wheat"]),
        ("No terms at all", []),
        ("Sowing sowings SOWN", ["sow", "sowi", "sown"]),
        ("Le café et la récolte du blé", ["cafe", "récolte", "blé", "reco"]),
        ("RECOMMENDED TO SPRAY NPK 19-19-19 5 GRAMS/ LITRE\nదయచేసి మీకు", ["npk", "19", "spray", "litre"]),
        ("tab\tseparated\u{0B}vertical\u{0C}feed\rreturn", ["separated", "vertical", "feed", "return"]),
    ]

    @Test func handPickedTextsMatchTheReference() {
        for (text, terms) in Self.handPicked {
            #expect(Snippets.matchedTerms(terms, in: text) == Reference.matchedTerms(terms, in: text), "\(text)")
            #expect(Snippets.snippet(text, terms: terms) == Reference.snippet(text, terms: terms), "\(text)")
            let matched = Reference.matchedTerms(terms, in: text)
            #expect(Snippets.snippet(text, terms: matched) == Reference.snippet(text, terms: matched), "\(text)")
            #expect(Diversity.opening(text) == Reference.opening(text), "\(text)")
        }
    }

    @Test func generatedTextsMatchTheReference() {
        var generator = TestGenerator(state: 2024)
        var asciiCases = 0
        for round in 0..<400 {
            // Every other text is pure ASCII, to exercise the byte-level path as much as the other.
            let asciiOnly = round % 2 == 0
            let vocabulary = asciiOnly ? Self.words.filter { $0.utf8.allSatisfy { $0 < 0x80 } } : Self.words
            let separators = asciiOnly ? Self.separators.filter { $0.utf8.allSatisfy { $0 < 0x80 } } : Self.separators
            var text = ""
            for _ in 0..<Int.random(in: 0...90, using: &generator) {
                text += (vocabulary.randomElement(using: &generator) ?? "") + (separators.randomElement(using: &generator) ?? " ")
            }
            if text.utf8.allSatisfy({ $0 < 0x80 }) { asciiCases += 1 }
            // Terms as FTSQuery makes them: lower-cased words, some present, some prefixes, some absent.
            var terms = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                (vocabulary.randomElement(using: &generator) ?? "").lowercased()
            }
            terms += ["whe", "irrig", "absent", "nitro"].filter { _ in Bool.random(using: &generator) }
            let length = [220, 40, 500].randomElement(using: &generator) ?? 220
            #expect(Snippets.matchedTerms(terms, in: text) == Reference.matchedTerms(terms, in: text), "\(text)")
            #expect(
                Snippets.snippet(text, terms: terms, length: length) == Reference.snippet(text, terms: terms, length: length),
                "\(text)")
            #expect(Diversity.opening(text) == Reference.opening(text), "\(text)")
        }
        #expect(asciiCases >= 200)
    }
}
