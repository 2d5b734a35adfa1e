import AgriQAGeography
import AgriQARetrieval
import ArgumentParser
import Foundation

struct EvalGeographyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geography",
        abstract: "same-region@5 with and without the asker's state, on held-out Q&A records.",
        discussion: """
            The record files (JSON, JSON Lines, CSV, TSV with a state field, such as the Kisan Call Centre logs in \
            ../shared/data/kcc) go through the normal ingestion pipeline. A sample of --holdout records with a \
            question and a resolved state, drawn by a shuffle seeded with --seed (the same sample on every machine), \
            is kept out of the index; all the other records are indexed and embedded.

            Each held-out question is asked twice in every mode: with its record's state as the location and \
            without a location. same-region@5 is the share of the top 5 results tagged with the asker's state or \
            a place inside it (a district). The report also gives the share of indexed records in each state: what \
            a ranking blind to geography would score on average. Results per document are not capped.

            Example (the recipe in docs/evaluation.md):
              K=../shared/data/kcc
              agriqa eval geography --records $K/*.json $K/*.csv \\
                --gazetteer ../shared/data/gazetteers/india/2-district.csv
            """)

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("Q&A record files with a state field; several may follow one --records.", valueName: "file"))
    var records: [String]

    @Option(help: "Records held out and asked as questions.")
    var holdout = 200

    @Option(help: "Seed of the shuffle that picks the held-out records.")
    var seed: UInt64 = 1

    @OptionGroup var evalOptions: EvalOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var embedderOptions: EmbedderOptions

    func validate() throws {
        guard !records.isEmpty else { throw ValidationError("give the Q&A record files with --records FILE...") }
        guard holdout >= 1 else { throw ValidationError("--holdout must be at least 1") }
    }

    func run() async throws {
        for file in records where !FileManager.default.fileExists(atPath: file) {
            throw CLIError("no file at \(file); give existing Q&A record files to --records.")
        }
        try await evalOptions.run(
            gazetteerOptions: gazetteerOptions, embedderOptions: embedderOptions, render: EvalRendering.render
        ) { (context: EvaluationContext) -> GeographyReport in
            try await GeographyEvaluation.run(
                files: records, index: context.workspace.index, gazetteer: context.gazetteer, embedder: context.embedder,
                modes: context.modes, holdout: holdout, seed: seed, fusion: evalOptions.fusion,
                keptIndex: context.workspace.isKept, progress: context.progress.update)
        }
    }
}
