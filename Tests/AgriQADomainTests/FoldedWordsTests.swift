import Testing

@testable import AgriQADomain

@Suite struct FoldedWordsTests {
    @Test func foldsCaseDiacriticsAndWidthAndSplitsAtNonAlphanumerics() {
        #expect(FoldedWords.of("Sénégal: MIL, semis—après   pluies!") == ["senegal", "mil", "semis", "apres", "pluies"])
        #expect(FoldedWords.of("ＡＢＣ 12kg/ha") == ["abc", "12kg", "ha"])
        #expect(FoldedWords.of("  ...  ").isEmpty)
    }
}
