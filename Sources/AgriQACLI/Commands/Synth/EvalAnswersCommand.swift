import AgriQAChatModel
import AgriQAEmbedding
import AgriQASynthesis
import ArgumentParser
import Foundation

struct EvalAnswersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answers",
        abstract: "Compare configurations (model, retrieval on/off) on the same questions: correctness, succinctness, groundedness, similarity.",
        discussion: """
            FILE holds questions with reference answers: questions.jsonl from `agriqa synth`, or any JSON Lines with \
            question and reference (or answer) fields. Each --config answers every question — with rag=on through the \
            answer service (retrieval from --index, the grounded prompt, citation checks), with rag=off the model alone \
            — and each answer is graded:
              correctness   judge verdict against the reference: correct (1), partial (0.5), incorrect (0)
              succinctness  judge score 1–5
              groundedness  rag on: share of answer sentences supported by the sources they cite — lexical support: \
            ≥ --support-threshold of a sentence's content words occur in those sources (no judge)
              similarity    cosine of the built-in embedder's vectors of answer and reference, and token F1
            Answers where the model failed (the service fell back to extractive) are counted, not graded.

            --config is KEY=VALUE pairs separated by commas, or a JSON file with one object or an array of them:
              name   column title (default MODEL+rag or MODEL)
              model  model id (default --model / AGRIQA_MODEL)
              url    endpoint base URL (default --model-url / AGRIQA_MODEL_URL / the local model)
              rag    on or off (default on)
              k      sources retrieved with rag on (default 6)
            Without --config: the configured model with rag=on and with rag=off.

            The judge is the configured model unless --judge-model / --judge-model-url name another. All calls are \
            cached (--cache DIR, --no-cache). Output in --out DIR: results.jsonl, summary.json, report.md and a \
            self-contained report.html; the table is printed (--json: the summary).

            Examples:
              agriqa eval answers synth/run1/questions.jsonl --model-url http://127.0.0.1:8081/v1 \\
                --config model=agriqa-ft,rag=on --config model=agriqa-ft,rag=off --config model=base,rag=on
              agriqa eval answers questions.jsonl --config configs.json --judge-model-url http://judge:8000/v1 --judge-model big
            """)

    @Argument(help: ArgumentHelp("The questions file with reference answers (.jsonl or .json).", valueName: "file"))
    var file: String

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp("A configuration: model=ID,rag=on|off[,url=URL][,k=N][,name=TITLE], or a JSON file; repeatable.", valueName: "spec"))
    var configs: [String] = []

    @Option(help: ArgumentHelp("Judge model id (default: the configured model).", valueName: "id"))
    var judgeModel: String?

    @Option(help: ArgumentHelp("Judge endpoint base URL (default: the configured model's).", valueName: "url"))
    var judgeModelURL: String?

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out = "eval-answers"

    @Option(help: ArgumentHelp("Only the first N questions.", valueName: "n"))
    var limit: Int?

    @Option(help: ArgumentHelp("Requests in flight at once.", valueName: "n"))
    var concurrency = 4

    @Option(help: ArgumentHelp("Groundedness: share (0–1) of a sentence's content words that must occur in its cited sources.", valueName: "x"))
    var supportThreshold = 0.6

    @Option(
        name: .customLong("model-config"),
        help: ArgumentHelp("A JSON configuration file with a model section, as `agriqa serve --config` reads.", valueName: "file"))
    var modelConfig: String?

    @Flag(help: "Print the summary as JSON on standard output.")
    var json = false

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var embedderOptions: EmbedderOptions
    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var cacheOptions: CacheOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
        guard supportThreshold > 0, supportThreshold <= 1 else { throw ValidationError("--support-threshold must be above 0 and at most 1") }
    }

    func run() async throws {
        var configurations: [AnswerConfiguration] = []
        do {
            for spec in configs { configurations += try AnswerConfiguration.parse(spec) }
        } catch {
            throw CLIError(error.description)
        }
        let names = configurations.map(\.name)
        if Set(names).count != names.count {
            throw CLIError("two --config share a name (\(names.joined(separator: ", "))); give each a name=TITLE")
        }
        var questions: [EvaluationQuestion]
        do {
            questions = try EvaluationQuestionReader.read(path: file)
        } catch {
            throw CLIError(error.description)
        }
        if let limit { questions = Array(questions.prefix(limit)) }
        if !questions.contains(where: { $0.reference != nil }) {
            Terminal.writeError("warning: no question has a reference answer; correctness and similarity are left out\n")
        }

        let chat = try await SynthModelSetup.reachable(modelOptions, configFile: modelConfig, purpose: "agriqa eval answers")
        defer { chat.localServer?.stop() }
        guard let base = chat.model else { throw CLIError("no chat model") }
        if configurations.isEmpty {
            configurations = [
                AnswerConfiguration(model: base.modelID, rag: true), AnswerConfiguration(model: base.modelID, rag: false),
            ]
        }
        let ledger = UsageLedger()
        let defaultURL = try defaultBaseURL(chat)
        var contenders: [AnswerEvaluator.Contender] = []
        for configuration in configurations {
            let client = try client(model: configuration.model, url: configuration.url, base: base, defaultURL: defaultURL)
            contenders.append(.init(configuration: configuration, model: try cacheOptions.wrap(client, ledger: ledger)))
        }
        let judgeClient = try client(model: judgeModel, url: judgeModelURL, base: base, defaultURL: defaultURL)
        let judge = Judge(model: try cacheOptions.wrap(judgeClient, ledger: ledger))

        let needsIndex = configurations.contains(where: \.rag)
        let setup = needsIndex ? try await SynthIndexSetup.make(indexOptions, gazetteerOptions, embedderOptions) : nil
        let gazetteer = try setup?.gazetteer ?? gazetteerOptions.load()
        let embedder: (any TextEmbedder)? = if let setup, let embedder = setup.embedder { embedder } else {
            await SynthIndexSetup.similarityEmbedder(embedderOptions)
        }
        let evaluator = AnswerEvaluator(
            contenders: contenders, judge: judge, searcher: setup?.searcher, gazetteer: gazetteer, embedder: embedder,
            concurrency: concurrency, supportThreshold: supportThreshold)
        let progress = SynthProgress()
        let rows: [AnswerScores]
        let report: AnswerEvaluationReport
        do {
            (rows, report) = try await evaluator.evaluate(questions, file: file, ledger: ledger) { progress.report($0) }
        } catch {
            progress.finish()
            throw CLIError("\(error)")
        }
        progress.finish()
        let table = ComparisonTable(report)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(JSONLines.encode(rows).utf8).write(to: folder.appending(path: "results.jsonl"), options: .atomic)
            try Data(JSONLines.pretty(report).utf8).write(to: folder.appending(path: "summary.json"), options: .atomic)
            try Data(table.markdown(report).utf8).write(to: folder.appending(path: "report.md"), options: .atomic)
            try Data(table.html(report).utf8).write(to: folder.appending(path: "report.html"), options: .atomic)
        } catch {
            throw CLIError("cannot write into \(out): \(error.localizedDescription)")
        }
        print(json ? try Terminal.json(report) : table.markdown(report) + "\nFiles: \(folder.path)/report.html, summary.json, results.jsonl")
    }

    /// The base URL configurations without `url` use: the flag or variable, the local model, or the config file's.
    private func defaultBaseURL(_ chat: ChatModelSetup) throws -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let url = modelOptions.modelURL ?? environment["AGRIQA_MODEL_URL"], !url.isEmpty { return url }
        if let local = chat.localServer { return local.baseURL }
        if let modelConfig, let settings = try ChatModelSetup.fileSettings(modelConfig) { return settings.url }
        return nil
    }

    /// The configured client when `model` and `url` name nothing else, otherwise a client for them.
    private func client(model: String?, url: String?, base: any ChatModel, defaultURL: String?) throws -> any ChatModel {
        if url == nil, model == nil || model == base.modelID { return base }
        guard let text = url ?? defaultURL else {
            throw CLIError("a configuration names model \(model ?? "?") but no endpoint is known; add url=… or --model-url")
        }
        do {
            var configuration = try modelOptions.configuration(baseURL: try ChatModelConfiguration.baseURL(from: text))
            if let model { configuration.model = model }
            return try OpenAICompatibleChatModel(configuration: configuration)
        } catch let error as ChatModelError {
            throw CLIError(error.description)
        }
    }
}
