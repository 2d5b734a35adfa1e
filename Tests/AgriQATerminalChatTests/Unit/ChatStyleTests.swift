import Testing

@testable import AgriQACLI

@Suite struct ChatStyleTests {
    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(ChatStyle.detect(stdoutIsTTY: true, environment: ["TERM": "xterm-256color"]).colour)
        #expect(!ChatStyle.detect(stdoutIsTTY: false, environment: ["TERM": "xterm-256color"]).colour)
        #expect(!ChatStyle.detect(stdoutIsTTY: true, environment: ["NO_COLOR": "1"]).colour)
        #expect(!ChatStyle.detect(stdoutIsTTY: true, environment: ["TERM": "dumb"]).colour)
        // no-color.org: an empty NO_COLOR does not count.
        #expect(ChatStyle.detect(stdoutIsTTY: true, environment: ["NO_COLOR": ""]).colour)
    }

    @Test func plainRenderingHasNoEscapes() {
        let renderer = ChatRenderer(style: ChatStyle.detect(stdoutIsTTY: false, environment: [:]))
        let text = renderer.answerFooter(Fixtures.answer, streamed: Fixtures.answer.answer) + renderer.help()
            + renderer.error("boom") + renderer.sources(Fixtures.answer.citations, withSnippets: true)
        #expect(!text.contains("\u{1B}"))
    }

    @Test func colouredRenderingUsesANSI() {
        let renderer = ChatRenderer(style: ChatStyle(colour: true))
        #expect(renderer.error("boom").contains("\u{1B}[31m"))
        #expect(renderer.sources(Fixtures.answer.citations, withSnippets: false).contains("\u{1B}[36m[1]"))
    }
}
