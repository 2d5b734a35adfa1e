import AgriQAAnswering
import Foundation
import Testing

@testable import AgriQACLI

@Suite struct TranscriptTests {
    @Test func markdownHasEachTurnWithItsSources() {
        var transcript = Transcript(origin: "index index/agriqa.sqlite", started: Date(timeIntervalSince1970: 0))
        transcript.note("Location: Washington, United States (US-WA)")
        transcript.append(Fixtures.answer)
        var followUp = Fixtures.answer
        followUp.question = "And how *deep*?"
        followUp.standaloneQuestion = "How deep should winter wheat be seeded?"
        followUp.rewriteMethod = .model
        followUp.warnings = []
        transcript.append(followUp)
        transcript.note("Cancelled: tell me everything")
        let markdown = transcript.markdown()
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        #expect(lines.first == "# AgriQA chat")
        #expect(lines.contains("- Started: 1970-01-01T00:00:00Z"))
        #expect(lines.contains("- Answers from: index index/agriqa.sqlite"))
        #expect(lines.contains("_Location: Washington, United States (US-WA)_"))
        #expect(lines.contains("## 1. When is winter wheat seeded on the Palouse?"))
        #expect(lines.contains("_location: Washington (US-WA) · mode: extractive-fallback (agriqa-ft)_"))
        #expect(lines.contains("Seed winter wheat from late September to mid-October [1]."))
        #expect(lines.contains("> **Warning:** the chat model failed (timed out); this answer is extractive, from the retrieved sources."))
        #expect(lines.contains("1. Winter Wheat Production in Eastern Washington, p. 3 — `doc-1.pdf` — US-WA (your region)"))
        #expect(lines.contains("2. Maize Production in Kenya, p. 2 — `doc-2.pdf` — KE (another region) — not cited"))
        #expect(lines.contains("3. farmer-questions.jsonl — `doc-3.pdf` — no region (not compared) — not cited"))
        // User text cannot turn into Markdown formatting.
        #expect(lines.contains("## 2. And how \\*deep\\*?"))
        #expect(markdown.contains("asked as: How deep should winter wheat be seeded?"))
        #expect(lines.contains("_Cancelled: tell me everything_"))
        #expect(transcript.answerCount == 2)
    }
}
