import Foundation

/// `summary.json`: a run's scores, computed from its results.
public struct RunSummary: Sendable, Codable {
    /// Correct answers out of scored questions, with a 95 % Wilson interval.
    public struct Score: Sendable, Codable, Equatable {
        public var correct: Int
        public var scored: Int
        public var accuracy: Double
        public var ci95: WilsonInterval

        public init(correct: Int, scored: Int) {
            self.correct = correct
            self.scored = scored
            accuracy = scored > 0 ? Double(correct) / Double(scored) : 0
            ci95 = WilsonInterval(successes: correct, trials: scored)
        }
    }

    /// The score of one category, region or difficulty level.
    public struct Group: Sendable, Codable, Equatable {
        public var name: String
        public var score: Score
        public var invalid: Int
    }

    public struct OpenEnded: Sendable, Codable, Equatable {
        public var questions: Int
        public var meanTokenF1: Double?
        public var meanRougeL: Double?
        /// Questions a judge model graded (its verdicts count in the accuracy).
        public var judged: Int
        public var judgedCorrect: Int
    }

    public struct Timing: Sendable, Codable, Equatable {
        /// Wall-clock seconds of this session (a resumed run counts only what it did now).
        public var wallSeconds: Double
        /// Questions answered in this session.
        public var answeredThisSession: Int
        public var questionsPerSecond: Double
        public var meanLatencySeconds: Double
        public var medianLatencySeconds: Double
        public var p95LatencySeconds: Double
    }

    public var exam: String
    public var shape: String
    public var solver: String
    public var settings: RunSettings
    /// Questions selected for the run (after --limit).
    public var questions: Int
    /// Questions with an outcome.
    public var completed: Int
    /// Questions whose solver failed (model down, timeout after retries); `--resume` retries them.
    public var failed: Int
    /// Accuracy over multiple-choice questions plus judged open-ended ones; unparseable answers count as wrong.
    public var score: Score
    /// Chance accuracy of guessing uniformly (mean of 1 / number of options).
    public var chance: Double
    public var invalidAnswers: Int
    public var invalidRate: Double
    /// How answers were extracted from model outputs (method → count).
    public var extraction: [String: Int]
    public var byCategory: [Group]
    public var byRegion: [Group]
    public var byDifficulty: [Group]
    public var openEnded: OpenEnded?
    public var passMark: Double
    /// Accuracy × 100 ≥ pass mark (over the completed questions).
    public var passed: Bool
    public var promptTokens: Int
    public var completionTokens: Int
    public var timing: Timing
    public var notices: [String]
    public var finishedAt: Date
}

extension RunSummary {
    /// Builds the summary of `results` (one per question of `questions`, in exam order).
    static func make(
        exam: Exam, questions: [ExamQuestion], results: [String: QuestionResult], settings: RunSettings, solver: String,
        passMark: Double, wallSeconds: Double, answeredThisSession: Int, notices: [String]
    ) -> RunSummary {
        let ordered = questions.compactMap { results[$0.id] }
        let complete = ordered.filter(\.isComplete)
        let scored = complete.filter { $0.correct != nil }
        let multipleChoice = complete.filter { $0.kind == .multipleChoice }
        let invalid = multipleChoice.filter(\.invalid).count

        func groups(_ key: (QuestionResult) -> String?) -> [Group] {
            let grouped = Dictionary(grouping: scored) { key($0) ?? "—" }
            guard grouped.count > 1 || grouped.keys.first != "—" else { return [] }
            return grouped.map { name, items in
                Group(name: name, score: Score(correct: items.filter { $0.correct == true }.count, scored: items.count), invalid: items.filter(\.invalid).count)
            }.sorted { RecordValue.nameOrder($0.name, $1.name) }
        }

        var openEnded: OpenEnded?
        let open = complete.filter { $0.kind == .openEnded }
        if !open.isEmpty {
            let f1 = open.compactMap(\.tokenF1)
            let rouge = open.compactMap(\.rougeL)
            let judged = open.filter { $0.correct != nil }
            openEnded = OpenEnded(
                questions: open.count, meanTokenF1: f1.isEmpty ? nil : f1.reduce(0, +) / Double(f1.count),
                meanRougeL: rouge.isEmpty ? nil : rouge.reduce(0, +) / Double(rouge.count), judged: judged.count,
                judgedCorrect: judged.filter { $0.correct == true }.count)
        }
        let chanceValues = questions.filter(\.isMultipleChoice).map { 1 / Double($0.options.count) }
        let latencies = complete.map(\.latencySeconds).sorted()
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            return latencies[min(latencies.count - 1, Int((p * Double(latencies.count - 1)).rounded()))]
        }
        let score = Score(correct: scored.filter { $0.correct == true }.count, scored: scored.count)
        return RunSummary(
            exam: exam.path, shape: exam.shape, solver: solver, settings: settings, questions: questions.count,
            completed: complete.count, failed: ordered.count - complete.count, score: score,
            chance: chanceValues.isEmpty ? 0 : chanceValues.reduce(0, +) / Double(chanceValues.count), invalidAnswers: invalid,
            invalidRate: multipleChoice.isEmpty ? 0 : Double(invalid) / Double(multipleChoice.count),
            extraction: multipleChoice.reduce(into: [:]) { $0[$1.extractionMethod?.rawValue ?? ($1.invalid ? "unparseable" : "direct"), default: 0] += 1 },
            byCategory: groups(\.category), byRegion: groups(\.region), byDifficulty: groups(\.difficulty), openEnded: openEnded,
            passMark: passMark, passed: score.scored > 0 && score.accuracy * 100 >= passMark,
            promptTokens: complete.compactMap(\.tokens?.prompt).reduce(0, +),
            completionTokens: complete.compactMap(\.tokens?.completion).reduce(0, +),
            timing: Timing(
                wallSeconds: wallSeconds, answeredThisSession: answeredThisSession,
                questionsPerSecond: wallSeconds > 0 ? Double(answeredThisSession) / wallSeconds : 0,
                meanLatencySeconds: latencies.isEmpty ? 0 : latencies.reduce(0, +) / Double(latencies.count),
                medianLatencySeconds: percentile(0.5), p95LatencySeconds: percentile(0.95)),
            notices: exam.notices + notices, finishedAt: Date())
    }
}
