import Testing

@testable import AgriQAIngestion

@Suite struct ChunkerTests {
    private func paragraph(_ text: String, page: Int = 1) -> TextBlock {
        TextBlock(kind: .paragraph, text: text, pageMarks: [.init(offset: 0, page: page)])
    }

    private func heading(_ text: String, level: Int) -> TextBlock {
        TextBlock(kind: .heading(level: level), text: text, pageMarks: [.init(offset: 0, page: 1)])
    }

    private let sentence = "Winter wheat should be seeded when soil moisture allows good emergence before winter."

    @Test func chunksNeverCrossSectionsAndCarryTheirPath() {
        let blocks = [
            heading("Wheat", level: 1), heading("Seeding", level: 2), paragraph(sentence),
            heading("Fertility", level: 2), paragraph("Apply nitrogen in spring."),
        ]
        let chunks = Chunker().chunk(blocks)
        #expect(chunks.count == 2)
        #expect(chunks[0].sectionPath == ["Wheat", "Seeding"])
        #expect(chunks[1].sectionPath == ["Wheat", "Fertility"])
        #expect(chunks.map(\.ordinal) == [0, 1])
    }

    @Test func respectsTheTokenBoundAndEndsAtSentences() {
        let long = Array(repeating: sentence, count: 40).joined(separator: " ")
        let chunks = Chunker(options: ChunkingOptions(maxTokens: 64, minTokens: 10)).chunk([paragraph(long)])
        #expect(chunks.count > 5)
        for chunk in chunks {
            #expect(chunk.tokenCount <= 64)
            #expect(chunk.text.hasSuffix("."))
            #expect(TokenEstimator.count(chunk.text) == chunk.tokenCount)
        }
    }

    @Test func splitsASentenceLongerThanTheLimitBetweenWords() {
        let monster = Array(repeating: "wheat", count: 300).joined(separator: " ")
        let chunks = Chunker(options: ChunkingOptions(maxTokens: 50)).chunk([paragraph(monster)])
        #expect(chunks.count == 6)
        #expect(chunks.allSatisfy { $0.tokenCount <= 50 })
    }

    @Test func tracksPageSpans() {
        let text = sentence + " " + sentence
        let block = TextBlock(kind: .paragraph, text: text, pageMarks: [.init(offset: 0, page: 3), .init(offset: sentence.count + 1, page: 4)])
        let chunks = Chunker().chunk([block])
        #expect(chunks.count == 1)
        #expect(chunks[0].pageStart == 3 && chunks[0].pageEnd == 4)
    }

    @Test func overlapRepeatsTrailingSentences() {
        let sentences = (1...30).map { "Sentence number \($0) talks about sorghum." }
        let options = ChunkingOptions(maxTokens: 40, minTokens: 5, overlapTokens: 10)
        let chunks = Chunker(options: options).chunk([paragraph(sentences.joined(separator: " "))])
        #expect(chunks.count >= 3)
        let lastOfFirst = SentenceSplitter.split(chunks[0].text).last
        #expect(lastOfFirst != nil && chunks[1].text.hasPrefix(lastOfFirst ?? "-"))
    }
}
