import Testing

@testable import AgriQAIndex

@Suite struct FTSQueryTests {
    @Test("user syntax never reaches MATCH", arguments: [
        "foo AND", "\"unbalanced quote", "NEAR(wheat rust, 3)", "wheat*", "-rust", "text:wheat", "(((", "AND OR NOT",
        "wheat\" OR \"1=1", "^start", "col1 : x",
    ])
    func hostileInputBecomesQuotedWords(input: String) {
        let expression = FTSQuery.expression(for: input) ?? ""
        // Only quoted lower-case words joined by OR.
        for part in expression.split(separator: " ") where part != "OR" {
            #expect(part.hasPrefix("\"") && part.hasSuffix("\""))
            #expect(part.dropFirst().dropLast().allSatisfy { $0.isLetter || $0.isNumber })
        }
    }

    @Test func dropsStopWordsAndDuplicates() {
        #expect(FTSQuery.terms("When do I plant winter wheat in eastern Washington? Wheat!") == [
            "plant", "winter", "wheat", "eastern", "washington",
        ])
        #expect(FTSQuery.terms("Quand semer le mil au Sénégal ?") == ["semer", "mil", "sénégal"])
        #expect(FTSQuery.expression(for: "what is the") == nil)
    }
}
