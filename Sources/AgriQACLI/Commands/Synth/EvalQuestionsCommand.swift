import AgriQAChatModel
import AgriQASynthesis
import ArgumentParser
import Foundation

struct EvalQuestionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "Measure question quality: judged relevance, global relevance, coverage, fluency; overlap, diversity, length.",
        discussion: """
            FILE is JSON Lines (or a JSON array): questions.jsonl from `agriqa synth` as it is, or any file with a \
            question field and, for the source-based metrics, a source text (fields: question/query; \
            source/context/passage; section/group; id).

            Judged by the chat model, 1–5 (5 best), prompts versioned in the report:
              relevance         with the source: does the question ask about the source's content?
              global relevance  without the source: a specific, useful agricultural question on its own?
              coverage          with the source: can the answer be found in it?
              fluency           without the source: natural and grammatical?
            Measured:
              overlap    KL(question ‖ source) in nats over the union of their words, Lidstone smoothing α \
            (--smoothing, default 1); lower = wording closer to the source.
              diversity  mean pairwise 1 − cosine of the built-in embedder's vectors among each section's questions \
            (1 − Jaccard of content words when the embedder is not installed), averaged over sections.
              details    question and source token counts.

            The judge is configured like the model of `agriqa serve` (--model-url, --model, --config FILE, --model \
            local); answers are cached (--cache DIR, --no-cache).

            Examples:
              agriqa eval questions synth/run1/questions.jsonl --model-url http://127.0.0.1:8081/v1
              agriqa eval questions questions.jsonl --model local --limit 20 --out eval/questions --json
            """)

    @Argument(help: ArgumentHelp("The questions file (.jsonl or .json).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Also write scores.jsonl, summary.json and report.md into this folder.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Only the first N questions.", valueName: "n"))
    var limit: Int?

    @Option(help: ArgumentHelp("Lidstone smoothing α of the overlap measure (added to every word count).", valueName: "alpha"))
    var smoothing = 1.0

    @Option(help: ArgumentHelp("Judge requests in flight at once.", valueName: "n"))
    var concurrency = 4

    @Option(help: ArgumentHelp("A JSON configuration file with a model section, as for `agriqa serve`.", valueName: "file"))
    var config: String?

    @Flag(help: "Print the summary as JSON on standard output.")
    var json = false

    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var cacheOptions: CacheOptions
    @OptionGroup var embedderOptions: EmbedderOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        guard smoothing.isFinite, smoothing > 0 else { throw ValidationError("--smoothing must be above 0") }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
    }

    func run() async throws {
        var questions: [EvaluationQuestion]
        do {
            questions = try EvaluationQuestionReader.read(path: file)
        } catch {
            throw CLIError(error.description)
        }
        if let limit { questions = Array(questions.prefix(limit)) }
        let chat = try await SynthModelSetup.reachable(modelOptions, configFile: config, purpose: "agriqa eval questions")
        defer { chat.localServer?.stop() }
        guard let base = chat.model else { throw CLIError("no chat model") }
        let ledger = UsageLedger()
        let judge = Judge(model: try cacheOptions.wrap(base, ledger: ledger))
        let embedder = await SynthIndexSetup.similarityEmbedder(embedderOptions)
        let evaluator = QuestionEvaluator(judge: judge, embedder: embedder, concurrency: concurrency, smoothing: smoothing)
        let progress = SynthProgress()
        let (rows, report) = await evaluator.evaluate(questions, file: file, ledger: ledger) { progress.report($0) }
        progress.finish()
        if let out {
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(JSONLines.encode(rows).utf8).write(to: folder.appending(path: "scores.jsonl"), options: .atomic)
                try Data(JSONLines.pretty(report).utf8).write(to: folder.appending(path: "summary.json"), options: .atomic)
                try Data(Self.render(report).utf8).write(to: folder.appending(path: "report.md"), options: .atomic)
            } catch {
                throw CLIError("cannot write into \(out): \(error.localizedDescription)")
            }
        }
        print(json ? try Terminal.json(report) : Self.render(report))
    }

    static func render(_ report: QuestionEvaluationReport) -> String {
        func format(_ value: Double?, _ digits: Int = 2) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "–" }
        var lines = [
            "# Question evaluation", "",
            "\(report.questions) questions from `\(report.file)`; judge `\(report.judgeModel)`.", "",
            "| metric | mean | scored | unscored | 1 / 2 / 3 / 4 / 5 |", "|---|---|---|---|---|",
        ]
        for score in report.scores {
            lines.append(
                "| \(score.metric) (1–5) | \(format(score.mean)) | \(score.scored) | \(score.unscored) | \(score.distribution.map(String.init).joined(separator: " / ")) |")
        }
        lines.append("| overlap: KL(question ‖ source), nats | \(format(report.overlap.meanKL, 3)) | \(report.overlap.measured) | \(report.questions - report.overlap.measured) | median \(format(report.overlap.medianKL, 3)) |")
        lines.append("| diversity (mean over \(report.diversity.sections.count) sections) | \(format(report.diversity.mean, 3)) | | | |")
        lines.append("| question tokens | \(format(report.details.meanQuestionTokens, 1)) | | | min \(report.details.minQuestionTokens), max \(report.details.maxQuestionTokens) |")
        lines.append("| source tokens | \(format(report.details.meanSourceTokens, 1)) | \(report.details.questionsWithSource) | | |")
        lines += [
            "", "- overlap: \(report.overlap.definition)", "- diversity: \(report.diversity.method)",
            "- prompts: \(report.promptVersions.values.sorted().joined(separator: ", "))",
            "- judge calls: \(report.totalUsage.requests) requests, \(report.totalUsage.cacheHits) cache hits, \(report.totalUsage.promptTokens) prompt + \(report.totalUsage.completionTokens) completion tokens",
        ]
        return lines.joined(separator: "\n")
    }
}
