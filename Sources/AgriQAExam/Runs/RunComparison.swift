import Foundation

/// `agriqa exam compare A B`: two runs over the same questions side by side, the questions whose
/// outcome flipped, and McNemar's test on the paired outcomes.
public struct RunComparison: Sendable, Codable {
    public struct Side: Sendable, Codable {
        public var directory: String
        public var solver: String
        /// Over every scored question of that run.
        public var score: RunSummary.Score
        /// Over the questions both runs scored.
        public var paired: RunSummary.Score
    }

    public struct Flip: Sendable, Codable, Equatable {
        public var id: String
        public var question: String
        public var answerKey: String?
        public var firstAnswer: String?
        public var secondAnswer: String?
        /// Which run got it right: "first" or "second".
        public var nowCorrectIn: String
    }

    public struct GroupRow: Sendable, Codable, Equatable {
        public var name: String
        public var first: RunSummary.Score
        public var second: RunSummary.Score
    }

    public var first: Side
    public var second: Side
    /// Questions both runs scored.
    public var pairs: Int
    public var bothCorrect: Int
    public var neitherCorrect: Int
    public var flips: [Flip]
    public var mcnemar: McNemarTest
    public var byCategory: [GroupRow]
    /// Questions only one run has (different exams, limits, or failures).
    public var unpaired: Int

    public static func load(_ first: URL, _ second: URL) throws(ExamRunError) -> RunComparison {
        let a = try results(in: first)
        let b = try results(in: second)
        return compare(
            first: (first.path, RunFiles.readSummary(first)?.solver ?? "?", a),
            second: (second.path, RunFiles.readSummary(second)?.solver ?? "?", b))
    }

    private static func results(in directory: URL) throws(ExamRunError) -> (results: [String: QuestionResult], order: [String]) {
        let url = directory.appendingPathComponent("results.jsonl")
        guard FileManager.default.fileExists(atPath: url.path) else { throw .notARun(directory: directory.path) }
        let loaded = try ResultsLog.load(url)
        return (loaded.results, loaded.order)
    }

    static func compare(
        first: (path: String, solver: String, data: (results: [String: QuestionResult], order: [String])),
        second: (path: String, solver: String, data: (results: [String: QuestionResult], order: [String]))
    ) -> RunComparison {
        func scored(_ data: (results: [String: QuestionResult], order: [String])) -> [(id: String, result: QuestionResult)] {
            data.order.compactMap { id in data.results[id].flatMap { $0.isComplete && $0.correct != nil ? (id, $0) : nil } }
        }
        let a = scored(first.data)
        let b = Dictionary(scored(second.data).map { ($0.id, $0.result) }, uniquingKeysWith: { x, _ in x })
        var both = 0, neither = 0, onlyFirst = 0, onlySecond = 0
        var flips: [Flip] = []
        var pairedA = 0, pairedB = 0, pairs = 0
        var groups: [String: (a: Int, b: Int, n: Int)] = [:]
        for (id, x) in a {
            guard let y = b[id], let cx = x.correct, let cy = y.correct else { continue }
            pairs += 1
            if cx { pairedA += 1 }
            if cy { pairedB += 1 }
            let name = x.category ?? "—"
            groups[name, default: (0, 0, 0)].n += 1
            if cx { groups[name, default: (0, 0, 0)].a += 1 }
            if cy { groups[name, default: (0, 0, 0)].b += 1 }
            switch (cx, cy) {
            case (true, true): both += 1
            case (false, false): neither += 1
            case (true, false), (false, true):
                if cx { onlyFirst += 1 } else { onlySecond += 1 }
                flips.append(
                    Flip(
                        id: id, question: x.question, answerKey: x.answerKey, firstAnswer: x.extracted ?? x.answer,
                        secondAnswer: y.extracted ?? y.answer, nowCorrectIn: cx ? "first" : "second"))
            }
        }
        let secondScored = scored(second.data)
        let allIDs = Set(a.map(\.id)).union(secondScored.map(\.id))
        let rows = groups.count > 1 || groups.keys.first != "—"
            ? groups.map { GroupRow(name: $0.key, first: .init(correct: $0.value.a, scored: $0.value.n), second: .init(correct: $0.value.b, scored: $0.value.n)) }
                .sorted { RecordValue.nameOrder($0.name, $1.name) }
            : []
        return RunComparison(
            first: Side(
                directory: first.path, solver: first.solver,
                score: .init(correct: a.filter { $0.result.correct == true }.count, scored: a.count),
                paired: .init(correct: pairedA, scored: pairs)),
            second: Side(
                directory: second.path, solver: second.solver,
                score: .init(correct: secondScored.filter { $0.result.correct == true }.count, scored: secondScored.count),
                paired: .init(correct: pairedB, scored: pairs)),
            pairs: pairs, bothCorrect: both, neitherCorrect: neither, flips: flips,
            mcnemar: McNemarTest(onlyFirstCorrect: onlyFirst, onlySecondCorrect: onlySecond), byCategory: rows,
            unpaired: allIDs.count - pairs)
    }
}
