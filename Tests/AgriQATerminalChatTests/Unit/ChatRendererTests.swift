import AgriQAAnswering
import Testing

@testable import AgriQACLI

@Suite struct ChatRendererTests {
    let renderer = ChatRenderer(style: .plain)

    @Test func footerListsSourcesWithPageAndRegionRelation() {
        let footer = renderer.answerFooter(Fixtures.answer, streamed: Fixtures.answer.answer)
        let lines = footer.split(separator: "\n").map(String.init)
        #expect(lines.contains("[1] Winter Wheat Production in Eastern Washington, p. 3 — US-WA (your region)"))
        #expect(lines.contains("[2] Maize Production in Kenya, p. 2 — KE (another region)  (not cited)"))
        #expect(lines.contains("[3] farmer-questions.jsonl — general, no region  (not cited)"))
        #expect(footer.contains("! the chat model failed (timed out)"))
        #expect(lines.last == "mode: extractive-fallback (agriqa-ft) · Washington (US-WA) · 84 ms")
        // The text was streamed already: it is not printed twice.
        #expect(!footer.contains("Seed winter wheat from late September"))
    }

    @Test func aRevisedAnswerIsPrintedWhole() {
        let footer = renderer.answerFooter(Fixtures.answer, streamed: "Plant in May [7].")
        #expect(footer.hasPrefix("Revised answer:\nSeed winter wheat from late September to mid-October [1]."))
    }

    @Test func aPrependedRegionNoteIsShownAsANote() {
        var answer = Fixtures.answer
        answer.regionNote = "No source is from Iowa; these are from Washington."
        answer.answer = answer.regionNote! + " Seed in autumn [1]."
        let footer = renderer.answerFooter(answer, streamed: "Seed in autumn [1].")
        #expect(footer.hasPrefix("Note: No source is from Iowa"))
        #expect(!footer.contains("Revised answer"))
    }

    @Test func openShowsTheWholeTextWithItsPage() {
        let source = SourceText(
            chunkID: 7, title: "Winter Wheat Production in Eastern Washington", file: "us-wa-winter-wheat.pdf",
            section: "Seeding Dates", pageStart: 2, pageEnd: 2, pageLabel: "1", regions: ["US-WA"],
            text: "Seed from late September.")
        let text = renderer.sourceText(source, number: 1)
        #expect(text.hasPrefix("[1] Winter Wheat Production in Eastern Washington, page 1 (p. 2)\n"))
        #expect(text.contains("us-wa-winter-wheat.pdf · US-WA"))
        #expect(text.contains("§ Seeding Dates"))
        #expect(text.hasSuffix("Seed from late September."))
    }

    @Test func helpNamesEveryCommand() {
        let help = renderer.help()
        for name in ChatAction.names { #expect(help.contains("/" + name), "help lacks /\(name)") }
        #expect(help.contains("Ctrl-C") && help.contains("Ctrl-D"))
    }
}
