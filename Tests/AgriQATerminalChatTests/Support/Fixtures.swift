import AgriQAAnswering
import AgriQARetrieval

/// Answers built by hand for the rendering tests.
enum Fixtures {
    static func citation(_ number: Int, title: String, page: Int?, regions: [String], relation: RegionRelation, used: Bool)
        -> Citation
    {
        Citation(
            number: number, chunkID: Int64(100 + number), documentID: Int64(number), title: title,
            path: "/srv/corpus/doc-\(number).pdf", pageStart: page, pageEnd: page, section: "Seeding",
            snippet: "Seed from late September.", regions: regions, relation: relation, used: used)
    }

    static let answer = Answer(
        question: "When is winter wheat seeded on the Palouse?",
        answer: "Seed winter wheat from late September to mid-October [1].",
        citations: [
            citation(1, title: "Winter Wheat Production in Eastern Washington", page: 3, regions: ["US-WA"], relation: .same, used: true),
            citation(2, title: "Maize Production in Kenya", page: 2, regions: ["KE"], relation: .other, used: false),
            citation(3, title: "farmer-questions.jsonl", page: nil, regions: [], relation: .none, used: false),
        ],
        location: AnswerLocation(code: "US-WA", name: "Washington"), mode: .extractiveFallback, model: "agriqa-ft",
        standaloneQuestion: "When is winter wheat seeded on the Palouse?",
        warnings: ["the chat model failed (timed out); this answer is extractive, from the retrieved sources."],
        timings: AnswerTimings(totalMs: 84.4))
}
