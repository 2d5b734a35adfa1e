@testable import AgriQASynthesis
import Foundation
import Testing

@Suite("metrics on small hand-checked examples")
struct MetricTests {
    @Test("overlap: KL(question ‖ source) with Laplace smoothing")
    func klDivergence() throws {
        // V = {wheat, rice}; Q = (2+1)/4, (0+1)/4 = 0.75, 0.25; S = (1+1)/4, (1+1)/4 = 0.5, 0.5.
        // KL = 0.75 ln 1.5 + 0.25 ln 0.5 = 0.130812…
        let kl = try #require(QuestionMetrics.klDivergence(question: "wheat wheat", source: "wheat rice", alpha: 1))
        #expect(abs(kl - (0.75 * log(1.5) + 0.25 * log(0.5))) < 1e-12)
        #expect(abs(kl - 0.130812) < 1e-6)
        #expect(QuestionMetrics.klDivergence(question: "Wheat, rice!", source: "rice wheat", alpha: 1) == 0)
        #expect(QuestionMetrics.klDivergence(question: "", source: "rice", alpha: 1) == nil)
        // A question in words the source never uses diverges more.
        let far = try #require(QuestionMetrics.klDivergence(question: "barley oats", source: "wheat rice", alpha: 1))
        #expect(far > kl)
    }

    @Test("diversity: mean pairwise cosine distance")
    func cosineDiversity() throws {
        // Pairs: (x, y) orthogonal → 1; (x, −x) → 2; (y, −x) → 1. Mean 4/3.
        let vectors: [[Float]] = [[1, 0], [0, 1], [-1, 0]]
        let distance = try #require(QuestionMetrics.meanPairwiseCosineDistance(vectors))
        #expect(abs(distance - 4.0 / 3.0) < 1e-9)
        #expect(QuestionMetrics.meanPairwiseCosineDistance([[1, 0]]) == nil)
        #expect(abs(QuestionMetrics.cosine([1, 1], [2, 2]) - 1) < 1e-12)
        #expect(QuestionMetrics.cosine([0, 0], [1, 0]) == 0)
    }

    @Test("diversity without an embedder: mean pairwise Jaccard distance")
    func jaccardDiversity() throws {
        // {maize, planting} vs {maize, harvest}: J = 1/3, distance 2/3.
        let distance = try #require(QuestionMetrics.meanPairwiseJaccardDistance(["maize planting", "maize harvest"]))
        #expect(abs(distance - 2.0 / 3.0) < 1e-12)
    }

    @Test("groundedness: share of sentences whose content words are in their cited sources")
    func groundedness() throws {
        let sources = [
            1: "Plant maize when the long rains start, in March or April.",
            2: "Apply 50 kg of DAP per acre at planting.",
        ]
        // Sentence 1 cites [1]: {plant, maize, long, rain, start} all in source 1 → supported.
        // Sentence 2 cites [1] but its words are in source 2 → 1 of {apply, 50, kg, dap, acre} → unsupported.
        // Sentence 3 has no marker: checked against every cited source (1) → {harvest, dry, cob} → unsupported.
        let answer = "Plant maize when the long rains start [1]. Apply 50 kg of DAP per acre [1]. Harvest dry cobs."
        let measure = try #require(Groundedness.measure(answer: answer, sources: sources, threshold: 0.6))
        #expect(measure.sentences == 3)
        #expect(measure.supported == 1)
        #expect(abs(measure.share - 1.0 / 3.0) < 1e-12)
        let fixed = try #require(Groundedness.measure(answer: "Apply 50 kg of DAP per acre [2].", sources: sources))
        #expect(fixed.share == 1)
        let uncited = try #require(Groundedness.measure(answer: "Plant maize when the long rains start.", sources: sources))
        #expect(uncited.share == 0)
        #expect(Groundedness.measure(answer: "It is so.", sources: sources) == nil)
    }

    @Test("correctness verdicts and their scores")
    func verdicts() {
        #expect(Judge.Verdict(text: "Correct") == .correct)
        #expect(Judge.Verdict(text: "partially correct") == .partial)
        #expect(Judge.Verdict(text: "INCORRECT") == .incorrect)
        #expect(Judge.Verdict(text: "maybe") == nil)
        #expect([Judge.Verdict.correct, .partial, .incorrect].map(\.score) == [1, 0.5, 0])
    }

    @Test("score summaries: mean, unscored and distribution")
    func scoreSummary() {
        let summary = ScoreSummary(metric: "fluency", scores: [5, 4, 4, nil, 1])
        #expect(summary.mean == 3.5)
        #expect(summary.scored == 4)
        #expect(summary.unscored == 1)
        #expect(summary.distribution == [1, 0, 0, 2, 1])
    }

    @Test("--config: key=value pairs and JSON files")
    func configurations() throws {
        let one = try AnswerConfiguration.parse("model=agriqa-ft,rag=off,k=3")
        #expect(one == [AnswerConfiguration(name: "agriqa-ft", model: "agriqa-ft", rag: false, k: 3)])
        #expect(try AnswerConfiguration.parse("model=base").first?.name == "base+rag")
        #expect(throws: SynthesisError.self) { try AnswerConfiguration.parse("model=x,temperature=1") }
        #expect(throws: SynthesisError.self) { try AnswerConfiguration.parse("rag=maybe") }
        #expect(throws: SynthesisError.self) { try AnswerConfiguration.parse("model") }
        let folder = try SynthesisFixtures.temporaryDirectory("configs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "configs.json")
        try Data(#"[{"name": "ft", "model": "agriqa-ft", "rag": true}, {"model": "base", "rag": false, "url": "http://h:1/v1"}]"#.utf8)
            .write(to: file)
        let many = try AnswerConfiguration.parse(file.path)
        #expect(many.map(\.name) == ["ft", "base"])
        #expect(many.map(\.rag) == [true, false])
        #expect(many[1].url == "http://h:1/v1")
    }

    @Test("JSON objects are found inside prose and code fences")
    func jsonExtraction() throws {
        struct Reply: Decodable, Equatable { var questions: [String] }
        let cases = [
            #"Here you are: {"questions": ["Why {curly}?"]} Hope it helps."#,
            "```json\n{\"questions\": [\"Why {curly}?\"]}\n```",
        ]
        for text in cases {
            let decoded = try JSONDecoder().decode(Reply.self, from: Data(try #require(JSONReply.objectText(in: text)).utf8))
            #expect(decoded == Reply(questions: ["Why {curly}?"]))
        }
        #expect(JSONReply.objectText(in: "no json here") == nil)
    }
}
