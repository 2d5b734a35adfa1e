import Testing

@testable import AgriQAIngestion

@Suite struct TextNormalizerTests {
    @Test func expandsLigatures() {
        #expect(TextNormalizer.normalize("ﬁeld ﬂooding eﬀective suﬃcient") == "field flooding effective sufficient")
    }

    @Test func removesInvisibleCharactersAndCollapsesSpaces() {
        #expect(TextNormalizer.normalize("creat\u{200B}ive  commons\u{00A0}licence\t ") == "creative commons licence")
    }

    @Test func normalizesFractionsAndHyphens() {
        #expect(TextNormalizer.normalize("½ inch") == "1/2 inch")
        #expect(TextNormalizer.normalize("drought\u{2010}tolerant") == "drought-tolerant")
    }

    @Test func composesAccents() {
        let decomposed = "Se\u{0301}ne\u{0301}gal"
        #expect(TextNormalizer.normalize(decomposed) == "Sénégal")
    }
}
