import AgriQADomain
import Foundation

/// Progress of a run, after each question.
public struct RunProgress: Sendable {
    public var completed: Int
    public var total: Int
    public var correct: Int
    public var scored: Int
    public var invalid: Int
    public var failed: Int
    public var lastID: String

    public var accuracy: Double { scored > 0 ? Double(correct) / Double(scored) : 0 }
}

/// Runs a solver over an exam: `--concurrency` questions at a time, each result appended to
/// `results.jsonl` as it finishes; then `summary.json`, `report.md` and `report.html`.
public struct ExamRunner: Sendable {
    public var exam: Exam
    public var solver: any ExamSolver
    public var settings: RunSettings
    public var output: URL
    public var concurrency: Int
    /// Take the first N questions only.
    public var limit: Int?
    public var passMark: Double
    public var resume: Bool
    /// Extra attempts for a question whose solver failed transiently (a 500 or a timeout that
    /// outlasted the client's own retries), after a short pause.
    public var retries: Int
    public var retryDelay: Duration
    /// The run-wide location (`--location`); otherwise questions' own region when `resolveRegion` knows it.
    public var location: Region?
    public var resolveRegion: @Sendable (String) -> Region?
    /// Grades open-ended answers; without one they get token F1 and ROUGE-L only.
    public var judge: OpenAnswerJudge?
    /// Said in the summary (e.g. the IR solver's fallbacks).
    public var notices: [String]

    public init(
        exam: Exam, solver: any ExamSolver, settings: RunSettings, output: URL, concurrency: Int = 1, limit: Int? = nil,
        passMark: Double = 70, resume: Bool = false, retries: Int = 1, retryDelay: Duration = .seconds(1), location: Region? = nil,
        resolveRegion: @escaping @Sendable (String) -> Region? = { _ in nil }, judge: OpenAnswerJudge? = nil,
        notices: [String] = []
    ) {
        self.exam = exam
        self.solver = solver
        self.settings = settings
        self.output = output
        self.concurrency = max(1, concurrency)
        self.limit = limit
        self.passMark = passMark
        self.resume = resume
        self.retries = max(0, retries)
        self.retryDelay = retryDelay
        self.location = location
        self.resolveRegion = resolveRegion
        self.judge = judge
        self.notices = notices
    }

    public struct Outcome: Sendable {
        public var summary: RunSummary
        /// Questions skipped because the folder's results already had them.
        public var resumed: Int
        /// Unreadable lines found in an existing results.jsonl (a record cut off by a kill).
        public var skippedLines: Int
    }

    public var selectedQuestions: [ExamQuestion] {
        limit.map { Array(exam.questions.prefix(max(0, $0))) } ?? exam.questions
    }

    public func run(progress: @escaping @Sendable (RunProgress) -> Void = { _ in }) async throws(ExamRunError) -> Outcome {
        let resultsURL = output.appendingPathComponent("results.jsonl")
        try prepareFolder(resultsURL: resultsURL)
        let loaded = try ResultsLog.load(resultsURL)
        var results = loaded.results
        let questions = selectedQuestions
        let pending = questions.filter { results[$0.id]?.isComplete != true }
        let log = try ResultsLog(url: resultsURL)

        var counts = RunProgress(completed: 0, total: questions.count, correct: 0, scored: 0, invalid: 0, failed: 0, lastID: "")
        for question in questions {
            guard let result = results[question.id], result.isComplete else { continue }
            counts.add(result)
        }
        let resumed = counts.completed
        if resumed > 0 { progress(counts) }

        let started = ContinuousClock.now
        var answered = 0
        var writeError: ExamRunError?
        await withTaskGroup(of: QuestionResult?.self) { group in
            var next = pending.makeIterator()
            func startNext() {
                guard !Task.isCancelled, let question = next.next() else { return }
                group.addTask { await self.attempt(question) }
            }
            for _ in 0..<concurrency { startNext() }
            while let finished = await group.next() {
                // Nil: the run was cancelled while the question was in flight; nothing is recorded,
                // so --resume asks it again (as after a kill).
                guard let result = finished else { continue }
                do throws(ExamRunError) {
                    try await log.append(result)
                } catch {
                    writeError = error
                    group.cancelAll()
                    break
                }
                results[result.id] = result
                answered += result.isComplete ? 1 : 0
                counts.add(result)
                progress(counts)
                startNext()
            }
        }
        await log.close()
        if let writeError { throw writeError }
        let elapsed = started.duration(to: .now)
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

        let summary = RunSummary.make(
            exam: exam, questions: questions, results: results, settings: settings, solver: solver.description,
            passMark: passMark, wallSeconds: wall, answeredThisSession: answered,
            notices: notices + (loaded.skippedLines > 0 ? ["\(loaded.skippedLines) unreadable line(s) in results.jsonl were ignored (a record cut off by a kill); those questions were run again."] : []))
        try RunFiles.writeReports(summary: summary, results: questions.compactMap { results[$0.id] }, to: output)
        return Outcome(summary: summary, resumed: resumed, skippedLines: loaded.skippedLines)
    }

    /// Creates the folder and run.json, or checks that a resumed run has the same settings.
    private func prepareFolder(resultsURL: URL) throws(ExamRunError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw .output(path: output.path, reason: error.localizedDescription)
        }
        let settingsURL = output.appendingPathComponent("run.json")
        let hasResults = manager.fileExists(atPath: resultsURL.path)
        if hasResults, !resume { throw .existingRun(directory: output.path) }
        if resume, let stored = RunFiles.readSettings(settingsURL) {
            let differences = settings.differences(from: stored)
            if !differences.isEmpty { throw .settingsChanged(directory: output.path, differences: differences) }
        }
        try RunFiles.write(settings, to: settingsURL)
    }

    /// Solves one question, retrying transient failures; never throws (failures are recorded).
    /// Nil when the run was cancelled.
    private func attempt(_ question: ExamQuestion) async -> QuestionResult? {
        let region = location ?? question.region.flatMap(resolveRegion)
        let context = SolveContext(location: region, seed: settings.seed)
        let clock = ContinuousClock()
        let start = clock.now
        var attempts = 0
        while true {
            attempts += 1
            do {
                var output = try await solver.solve(question, context: context)
                if let judge, !question.isMultipleChoice, let reference = question.referenceAnswer {
                    let graded = try await judge.grade(question, answer: output.answerText ?? "", reference: reference, seed: settings.seed)
                    output.judge = graded.verdict
                    output.usage = summed(output.usage, graded.usage)
                }
                return QuestionResult(
                    question: question, location: region?.code.rawValue, output: output, latency: seconds(clock.now - start),
                    attempts: attempts)
            } catch {
                if Task.isCancelled { return nil }
                if error.isTransient, attempts <= retries {
                    try? await Task.sleep(for: retryDelay * attempts)
                    continue
                }
                return .failed(
                    question: question, location: region?.code.rawValue, error: error.description,
                    latency: seconds(clock.now - start), attempts: attempts)
            }
        }
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

extension RunProgress {
    mutating func add(_ result: QuestionResult) {
        completed += 1
        lastID = result.id
        if !result.isComplete {
            failed += 1
            return
        }
        if let correct = result.correct {
            scored += 1
            if correct { self.correct += 1 }
        }
        if result.invalid { invalid += 1 }
    }
}
