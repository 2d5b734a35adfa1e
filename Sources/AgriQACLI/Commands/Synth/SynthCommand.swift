import AgriQAChatModel
import AgriQASynthesis
import ArgumentParser
import Foundation

struct SynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Synthesize fine-tuning data (questions and teacher answers) from the indexed documents.",
        discussion: """
            Section by section over the index's PDFs: (1) a structure step asks the model for the section's location \
            and agronomic topics (validated JSON; an invalid reply is retried once with the error, then the section is \
            recorded and skipped); (2) questions are written with that context; (3) the teacher model answers each \
            question from retrieved sources with the answer service's grounded prompt (--reasoning: a reasoning chain \
            before the final answer). Near-duplicate questions are removed (token-set Jaccard of content words ≥ \
            --dedupe-threshold) before they are answered, and the examples are split into train and validation BY \
            DOCUMENT (--validation-share, seeded).

            Scaling modes:
              tokens  rounds of --questions-per-round questions per section (each round told the earlier ones) until \
            the dataset's tokens (question + assistant reply) reach --factor × the source sections' tokens; stops \
            early when a round adds nothing new, at most --max-rounds.
              facts   the model lists each section's atomic facts (at most --max-facts), then writes \
            --questions-per-fact questions per fact, so every fact is covered; facts.jsonl says which are.

            Output in --out DIR: train.jsonl and validation.jsonl (OpenAI chat fine-tuning format: \
            {"messages": [system, user, assistant]}), metadata.jsonl (source document, pages, region, fact ids, \
            teacher model, prompt versions per example), questions.jsonl (input for `agriqa eval questions|answers`), \
            sections.jsonl (structure results and failures), facts.jsonl, report.json (coverage per document and \
            region, dedupe, split, tokens per step).

            The model is configured as for `agriqa serve` (--model-url / AGRIQA_MODEL_URL, --model, --config FILE, \
            --model local). Every request goes through a persistent response cache (--cache DIR, --no-cache): \
            re-running the same command makes no request. Progress goes to standard error.

            Examples:
              agriqa synth --index index/agriqa.sqlite --model-url http://127.0.0.1:8081/v1 --out synth/run1
              agriqa synth --scaling facts --questions-per-fact 2 --limit-sections 5 --model local --out synth/facts
              agriqa synth --scaling tokens --factor 2 --reasoning --validation-share 0.25 --seed 7 --out synth/cot
            """)

    enum Scaling: String, ExpressibleByArgument, CaseIterable {
        case tokens, facts
    }

    @Option(help: ArgumentHelp("Output folder (created; its files are replaced).", valueName: "dir"))
    var out = "synth-out"

    @Option(help: "How the dataset grows: tokens (to --factor × source tokens) or facts (questions per atomic fact).")
    var scaling: Scaling = .tokens

    @Option(help: ArgumentHelp("tokens mode: target dataset tokens as a multiple k of the source tokens.", valueName: "k"))
    var factor = 1.0

    @Option(help: ArgumentHelp("tokens mode: questions asked for per section and round.", valueName: "n"))
    var questionsPerRound = 3

    @Option(help: ArgumentHelp("tokens mode: most rounds over the sections.", valueName: "n"))
    var maxRounds = 10

    @Option(help: ArgumentHelp("facts mode: questions per fact.", valueName: "n"))
    var questionsPerFact = 2

    @Option(help: ArgumentHelp("facts mode: most facts taken from one section.", valueName: "n"))
    var maxFacts = 12

    @Flag(help: "The teacher reasons step by step before its final answer; the examples keep the chain.")
    var reasoning = false

    @Option(help: "rag: training prompts are the answer service's (sources + question); closed-book: the question alone.")
    var promptFormat: PromptFormat = .rag

    @Option(help: ArgumentHelp("Sources retrieved for each teacher answer.", valueName: "n"))
    var sources = 4

    @Option(help: ArgumentHelp("Token-set Jaccard similarity (0–1) from which a question is a near duplicate.", valueName: "x"))
    var dedupeThreshold = 0.8

    @Option(help: ArgumentHelp("Share of documents (not questions) held out for validation.", valueName: "x"))
    var validationShare = 0.2

    @Option(help: "Seed of the document split.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Model requests in flight at once.", valueName: "n"))
    var concurrency = 4

    @Option(help: ArgumentHelp("Only the first N sections (for trials).", valueName: "n"))
    var limitSections: Int?

    @Option(help: ArgumentHelp("Skip sections shorter than this many tokens (titles, captions).", valueName: "n"))
    var minSectionTokens = 30

    @Option(
        name: .customLong("document"),
        help: ArgumentHelp("Only documents whose path or title contains this text; repeatable.", valueName: "text"))
    var documents: [String] = []

    @Flag(help: "Also synthesize from Q&A record files (skipped by default: they already are questions and answers).")
    var includeRecords = false

    @Option(help: ArgumentHelp("A JSON configuration file with a model section, as for `agriqa serve`.", valueName: "file"))
    var config: String?

    @Flag(help: "Print the report as JSON on standard output.")
    var json = false

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var embedderOptions: EmbedderOptions
    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var cacheOptions: CacheOptions

    func validate() throws {
        guard factor.isFinite, factor > 0, factor <= 100 else { throw ValidationError("--factor must be above 0 and at most 100") }
        guard (1...20).contains(questionsPerRound) else { throw ValidationError("--questions-per-round must be between 1 and 20") }
        guard (1...100).contains(maxRounds) else { throw ValidationError("--max-rounds must be between 1 and 100") }
        guard (1...10).contains(questionsPerFact) else { throw ValidationError("--questions-per-fact must be between 1 and 10") }
        guard (1...50).contains(maxFacts) else { throw ValidationError("--max-facts must be between 1 and 50") }
        guard (1...20).contains(sources) else { throw ValidationError("--sources must be between 1 and 20") }
        guard dedupeThreshold > 0, dedupeThreshold <= 1 else { throw ValidationError("--dedupe-threshold must be above 0 and at most 1") }
        guard (0..<1).contains(validationShare) else { throw ValidationError("--validation-share must be at least 0 and below 1") }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
        if let limitSections, limitSections < 1 { throw ValidationError("--limit-sections must be at least 1") }
        guard minSectionTokens >= 0 else { throw ValidationError("--min-section-tokens must not be negative") }
    }

    func run() async throws {
        let setup = try await SynthIndexSetup.make(indexOptions, gazetteerOptions, embedderOptions)
        let chat = try await SynthModelSetup.reachable(modelOptions, configFile: config, purpose: "agriqa synth")
        defer { chat.localServer?.stop() }
        guard let base = chat.model else { throw CLIError("no chat model") }
        let ledger = UsageLedger()
        let model = try cacheOptions.wrap(base, ledger: ledger)

        let scalingMode: ScalingMode = switch scaling {
        case .tokens: .tokens(factor: factor, questionsPerRound: questionsPerRound, maxRounds: maxRounds)
        case .facts: .facts(questionsPerFact: questionsPerFact, maxFactsPerSection: maxFacts)
        }
        let settings = SynthesisSettings(
            scaling: scalingMode, reasoning: reasoning, format: promptFormat, sources: sources,
            dedupeThreshold: dedupeThreshold, validationShare: validationShare, seed: seed, concurrency: concurrency,
            sectionLimit: limitSections,
            catalog: .init(minimumTokens: minSectionTokens, includeRecords: includeRecords, documentFilter: documents))
        let pipeline = SynthesisPipeline(
            model: model, searcher: setup.searcher, gazetteer: setup.gazetteer, settings: settings, ledger: ledger)
        let progress = SynthProgress()
        let result: SynthesisPipeline.Result
        do {
            result = try await pipeline.run { progress.report($0) }
        } catch {
            progress.finish()
            throw CLIError(error.description)
        }
        progress.finish()
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        do {
            try SynthesisWriter(folder: folder).write(result)
        } catch {
            throw CLIError(error.description)
        }
        if json {
            print(try Terminal.json(result.report))
        } else {
            print(SynthRendering.render(result.report, folder: folder.path))
        }
        if result.examples.isEmpty {
            Terminal.writeError("error: no example was made; see report.json's problems and sections.jsonl\n")
            throw ExitCode(1)
        }
    }
}

extension PromptFormat: ExpressibleByArgument {}
