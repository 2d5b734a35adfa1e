import AgriQAEmbedding
import Testing

struct BasicTokenizerTests {
    let uncased = BasicTokenizer()

    @Test func lowerCasesStripsAccentsAndIsolatesPunctuation() {
        #expect(uncased.tokenize("Sénégal: adubação, 120 kg N/ha!") == ["senegal", ":", "adubacao", ",", "120", "kg", "n", "/", "ha", "!"])
    }

    @Test func asciiSymbolsArePunctuationButUnicodeSymbolsAreNot() {
        // `$ + < = > ^ | ~` count as punctuation because they are ASCII; ° ₹ × are symbols.
        #expect(uncased.tokenize("a$b+c<d 12°C ₹5 3×4") == ["a", "$", "b", "+", "c", "<", "d", "12°c", "₹5", "3×4"])
    }

    @Test func splitsEveryCJKIdeographButNotKanaOrHangul() {
        #expect(uncased.tokenize("水稻5公斤") == ["水", "稻", "5", "公", "斤"])
        #expect(uncased.tokenize("田植えは 벼이앙") == ["田", "植", "えは", "벼이앙"])
    }

    @Test func cleansControlCharactersAndNormalizesWhitespace() {
        #expect(uncased.tokenize("row\tspacing\n30\u{200B}cm\u{00A0}apart\u{0000}\u{FFFD}") == ["row", "spacing", "30cm", "apart"])
    }

    @Test func lowerCasesScalarByScalarLikeTheFastTokenizer() {
        // No final-sigma rule, ß kept, dotted capital I loses its dot with the accents.
        #expect(uncased.normalize("ΣΟΦΟΣ Straße İzmir") == "σοφοσ straße izmir")
    }

    @Test func casedTokenizerKeepsCaseAndAccents() {
        let cased = BasicTokenizer(lowercase: false)
        #expect(cased.tokenize("Sénégal Maize") == ["Sénégal", "Maize"])
        let accentsOnly = BasicTokenizer(lowercase: false, stripAccents: true)
        #expect(accentsOnly.tokenize("Sénégal") == ["Senegal"])
        let keepAccents = BasicTokenizer(lowercase: true, stripAccents: false)
        #expect(keepAccents.tokenize("Sénégal") == ["sénégal"])
    }

    @Test func emptyAndBlankTextHaveNoWords() {
        #expect(uncased.tokenize("").isEmpty)
        #expect(uncased.tokenize(" \n\t ").isEmpty)
    }
}
