import AgriQAChatModel
import AgriQADomain
import AgriQAEmbedding
import AgriQAExam
import AgriQAGeography
import AgriQAIndex
import AgriQAIngestion
import AgriQARetrieval
import ArgumentParser
import Foundation

struct ExamRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Answer an exam's questions and score them.",
        discussion: """
            FILE is JSON Lines, a JSON array or CSV/TSV. Recognised without flags: options + answer, \
            answer_options + correct_answer, choices + answerKey (also ARC's nested question.stem), option columns \
            A/B/C/D; open-ended questions carry a reference answer instead of options.

            --solver ir needs no model: each option is scored by how well the index supports question + option \
            (BM25 by default; --ir-scoring dense or combined adds embedding cosine, normalized per question). --solver model asks the chat model (--model-url \
            or AGRIQA_MODEL_URL); --rag on puts retrieved sources in the prompt.

            Results are appended to DIR/results.jsonl as each question finishes; after a kill, run the same \
            command with --resume to continue. Questions that failed (model down, timeouts) are retried by \
            --resume.
            """)

    enum Solver: String, ExpressibleByArgument, CaseIterable {
        case ir, model
    }

    enum Switch: String, ExpressibleByArgument, CaseIterable {
        case on, off
    }

    @Argument(help: ArgumentHelp("The exam file (.jsonl, .json, .csv, .tsv).", valueName: "file"))
    var file: String

    @Option(help: "ir (retrieval support, no model) or model (the chat model).")
    var solver: Solver = .ir

    @Option(help: "Model solver: retrieved sources in the prompt (on) or not (off).")
    var rag: Switch = .on

    @Flag(name: .customLong("cot"), help: "Model solver: ask for step-by-step reasoning before the answer.")
    var chainOfThought = false

    @Option(help: "Model solver: Ensemble Refinement with N reasoning samples (1 = off).")
    var ensemble = 1

    @Option(help: "Ensemble Refinement: refinement calls after the samples, whose answers are voted on.")
    var refinements = 1

    @Option(help: "Ensemble Refinement: sampling temperature of the reasoning samples (single answers use 0).")
    var ensembleTemperature = 0.7

    @Option(help: "IR solver scoring: lexical (BM25 of question + option), dense (embedding cosine) or combined (both).")
    var irScoring: IRSolver.Scoring = .lexical

    @Option(help: "Sources retrieved per question for --rag on.")
    var sources = 4

    @Option(help: "Questions answered at the same time (concurrent requests to the model endpoint).")
    var concurrency = 2

    @Option(help: "Extra attempts for a question whose model call failed (after the client's own retries).")
    var retries = 1

    @Option(help: "Answer only the first N questions.")
    var limit: Int?

    @Option(help: "Seed for the model's sampling; the same seed sends the same prompts and seeds.")
    var seed = 0

    @Option(help: "Pass mark in percent.")
    var passMark = 70.0

    @Option(help: ArgumentHelp("The asker's location for retrieval (code, name or lat,lon); default: each question's region when the gazetteer knows it.", valueName: "location"))
    var location: String?

    @Flag(help: "Grade open-ended answers with the chat model (otherwise token F1 and ROUGE-L only).")
    var judge = false

    @Option(help: ArgumentHelp("Output folder (default: exam-runs/NAME-SOLVER-TIME).", valueName: "dir"))
    var out: String?

    @Flag(help: "Continue the run in --out: skip questions already answered, retry failed ones.")
    var resume = false

    @Flag(help: "Print the summary as JSON on standard output.")
    var json = false

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var embedderOptions: EmbedderOptions
    @OptionGroup var modelOptions: ModelOptions

    func validate() throws {
        guard concurrency >= 1, concurrency <= 64 else { throw ValidationError("--concurrency must be between 1 and 64") }
        guard ensemble >= 1, ensemble <= 32 else { throw ValidationError("--ensemble must be between 1 and 32") }
        guard refinements >= 1, refinements <= 32 else { throw ValidationError("--refinements must be between 1 and 32") }
        guard sources >= 1, sources <= 20 else { throw ValidationError("--sources must be between 1 and 20") }
        guard retries >= 0, retries <= 10 else { throw ValidationError("--retries must be between 0 and 10") }
        guard (0...100).contains(passMark) else { throw ValidationError("--pass-mark is a percentage between 0 and 100") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        guard ensembleTemperature.isFinite, (0...2).contains(ensembleTemperature) else {
            throw ValidationError("--ensemble-temperature must be between 0 and 2")
        }
        if resume, out == nil { throw ValidationError("--resume needs --out DIR: the folder of the run to continue") }
        if solver == .ir, ensemble > 1 || chainOfThought {
            throw ValidationError("--ensemble and --cot need the model solver (--solver model)")
        }
    }

    func run() async throws {
        let exam: Exam
        do {
            exam = try ExamFileReader.read(path: file)
        } catch {
            throw CLIError(error.description)
        }
        let needsIndex = solver == .ir || rag == .on
        let setup = try await ExamSetup.make(
            needsIndex: needsIndex, indexOptions: indexOptions, gazetteerOptions: gazetteerOptions,
            embedderOptions: embedderOptions, sources: sources, location: location)

        var notices: [String] = []
        let examSolver: any ExamSolver
        var modelID: String?
        // The chat model, when the solver or the judge needs one (`--model local` starts llama-server).
        var chat: ChatModelSetup?
        if solver == .model || judge {
            chat = try await reachableModel()
        }
        defer { chat?.localServer?.stop() }
        switch solver {
        case .ir:
            guard let retriever = setup.retriever else { throw CLIError("the IR solver needs an index (--index FILE)") }
            do {
                let ir = try await IRSolver(retriever: retriever, scoring: irScoring)
                notices += ir.notices
                examSolver = ir
            } catch {
                throw CLIError(error.description)
            }
        case .model:
            guard let model = chat?.model else { throw CLIError("no chat model") }
            modelID = model.modelID
            let reasoning = chainOfThought || ensemble > 1
            let settings = ModelSolver.Settings(
                rag: rag == .on, chainOfThought: chainOfThought, ensemble: ensemble, refinements: refinements,
                temperature: ensembleTemperature, maxTokens: modelOptions.maxTokens ?? (reasoning ? 512 : 64))
            examSolver = ModelSolver(model: model, retriever: setup.retriever, settings: settings)
        }
        let judgeModel = judge ? chat?.model.map(OpenAnswerJudge.init(model:)) : nil

        let digest: String
        do {
            digest = try SHA256.hexDigest(ofFile: file)
        } catch {
            throw CLIError("cannot read \(file): \(error)")
        }
        let settings = RunSettings(
            examPath: URL(fileURLWithPath: file).standardizedFileURL.path, examDigest: digest, solver: solver.rawValue,
            irScoring: solver == .ir ? irScoring.rawValue : nil, rag: solver == .model && rag == .on,
            chainOfThought: solver == .model && (chainOfThought || ensemble > 1), ensemble: ensemble, refinements: ensemble > 1 ? refinements : 1,
            temperature: ensemble > 1 ? ensembleTemperature : nil, model: modelID, judge: judgeModel?.modelID,
            index: setup.indexPath, location: setup.location?.code.rawValue, seed: seed, sources: sources)
        let output = URL(fileURLWithPath: out ?? defaultOutput(), isDirectory: true)

        let gazetteer = setup.gazetteer
        let runner = ExamRunner(
            exam: exam, solver: examSolver, settings: settings, output: output, concurrency: concurrency, limit: limit,
            passMark: passMark, resume: resume, retries: retries, location: setup.location,
            resolveRegion: { name in gazetteer.flatMap { try? $0.resolveLocation(name) } }, judge: judgeModel, notices: notices)
        let bar = ProgressBar()
        let outcome: ExamRunner.Outcome
        do {
            outcome = try await runner.run { progress in
                var label = String(format: "accuracy %.1f%%", progress.accuracy * 100)
                if progress.invalid > 0 { label += " · \(progress.invalid) unparseable" }
                if progress.failed > 0 { label += " · \(progress.failed) failed" }
                bar.update(completed: progress.completed, total: progress.total, label: label)
            }
        } catch {
            bar.finish()
            throw CLIError(error.description)
        }
        bar.finish()
        if json {
            print(try Terminal.json(outcome.summary))
        } else {
            print(ExamRendering.render(outcome.summary, folder: output.path, resumed: outcome.resumed))
        }
        if outcome.summary.failed > 0 {
            Terminal.writeError(
                "error: \(outcome.summary.failed) question(s) failed (see report.md); fix the cause and run again with --resume --out \(output.path)\n")
            throw ExitCode(1)
        }
    }

    /// The configured chat model, checked to answer before any question is asked.
    private func reachableModel() async throws -> ChatModelSetup {
        let setup = try await ChatModelSetup.make(modelOptions, configFile: nil)
        guard let model = setup.model else {
            throw CLIError(
                "no chat model configured: give --model-url (or set AGRIQA_MODEL_URL), or --model local, or score without a model with --solver ir")
        }
        guard await model.isReachable(timeout: .seconds(10)) else {
            setup.localServer?.stop()
            let url = (model as? OpenAICompatibleChatModel)?.configuration.baseURL.absoluteString ?? "its URL"
            throw CLIError(
                "the chat model \(model.modelID) does not answer at \(url); start it (see docs/exams.md), check --model-url, or score without a model with --solver ir")
        }
        return setup
    }

    private func defaultOutput() -> String {
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let kind = solver == .ir ? "ir" : (rag == .on ? "model-rag" : "model")
        return "exam-runs/\(stem)-\(kind)-\(formatter.string(from: Date()))"
    }
}

extension IRSolver.Scoring: ExpressibleByArgument {}
