import AgriQAEmbedding
import Foundation
import Testing

/// One short text (a search question) takes the fast path: a single trip to the embedder's queue
/// and matrix products split by weight columns across the workers instead of by rows. It must give
/// the vectors the one-thread row path and the reference implementation give.
@Suite(.enabled(if: InstalledModel.isAvailable, Comment(rawValue: InstalledModel.skipMessage)))
struct ShortTextPathTests {
    static let questions = [
        "how to control fruit borer in brinjal", "When should I plant winter wheat?", "NPK 19-19-19 dose per litre",
        "comment lutter contre la chenille légionnaire", "వరి పంటలో అగ్గి తెగులు నివారణ", "",
        "what can help guide early season irrigation decisions?",
    ]

    @Test func oneQuestionAtATimeMatchesTheOneThreadRowPath() async throws {
        let twoThreads = try LocalSentenceEmbedder(options: .init(threads: 2))
        let oneThread = try LocalSentenceEmbedder(options: .init(threads: 1))
        for question in Self.questions {
            #expect(twoThreads.tokenIDs(question).count < 64, "a short text, so the column path runs")
            let fast = try await twoThreads.embed([question])
            let plain = try await oneThread.embed([question])
            let largest = zip(fast[0], plain[0]).map { abs($0 - $1) }.max() ?? 1
            #expect(fast[0].count == 384 && largest <= 1e-5, "largest difference \(largest) for \(question.debugDescription)")
        }
        // Alone or in a batch (row path with several sequences): the same vectors.
        let batch = try await oneThread.embed(Self.questions + [String(repeating: "long text ", count: 40)])
        for (offset, question) in Self.questions.enumerated() {
            let alone = try await twoThreads.embed([question])
            let largest = zip(alone[0], batch[offset]).map { abs($0 - $1) }.max() ?? 1
            #expect(largest <= 1e-5, "largest difference \(largest) for \(question.debugDescription)")
        }
    }

    @Test func eachReferenceSentenceAloneMatchesTheReference() async throws {
        let fixture = try ReferenceFixture.load()
        let embedder = try LocalSentenceEmbedder(options: .init(threads: 2))
        for reference in fixture.cases {
            let vector = try await embedder.embed([reference.text])[0]
            let largest = zip(vector, reference.vector).map { abs($0 - $1) }.max() ?? 1
            #expect(largest < 1e-4, "largest difference \(largest) for \(reference.text.debugDescription)")
        }
    }
}
