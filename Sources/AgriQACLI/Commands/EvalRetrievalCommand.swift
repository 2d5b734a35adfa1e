import AgriQAGeography
import AgriQARetrieval
import ArgumentParser
import Foundation

struct EvalRetrievalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieval",
        abstract: "Recall@1/5/10, MRR and nDCG@10 per mode on questions with known answer passages.",
        discussion: """
            --passages: JSON Lines, one passage per line: {"id": "p1", "text": "…"}, optionally with "location" \
            (a region code or name, as for `agriqa search --location`) or "state"/"country".
            --questions: JSON Lines, {"id": "q1", "question": "…", "passage_id": "p1"}, optionally with "location". \
            The AgXQA sample in ../shared/data/qa/agxqa has this shape.

            The passages become one document of a temporary index (one chunk per passage), are embedded, and every \
            question is asked in every mode, retrieving max(10, k) results (no per-document cap). A question counts \
            its own passage as the one relevant result: recall@k is 1 when it is in the top k, MRR averages 1/rank, \
            nDCG@10 discounts by log2(rank + 1). Questions with a location are asked with it, and same-region@5 is \
            the share of their top 5 results tagged with that region or a place inside it.

            Example:
              A=../shared/data/qa/agxqa
              agriqa eval retrieval --passages $A/passages.jsonl --questions $A/questions.dev.jsonl
            """)

    @Option(help: ArgumentHelp("Passages, JSON Lines {id, text, location?}.", valueName: "file"))
    var passages: String

    @Option(help: ArgumentHelp("Questions, JSON Lines {id, question, passage_id, location?}.", valueName: "file"))
    var questions: String

    @Option(name: .customLong("k"), help: "Also report recall at this cutoff; results retrieved per question: max(10, k).")
    var k = 10

    @OptionGroup var evalOptions: EvalOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var embedderOptions: EmbedderOptions

    func validate() throws {
        guard k >= 1, k <= 100 else { throw ValidationError("--k must be between 1 and 100") }
    }

    func run() async throws {
        let set: EvaluationSet
        do {
            set = try EvaluationSet.load(passages: passages, questions: questions)
        } catch {
            throw CLIError(error.description)
        }
        try await evalOptions.run(
            gazetteerOptions: gazetteerOptions, embedderOptions: embedderOptions, render: EvalRendering.render
        ) { (context: EvaluationContext) -> RetrievalReport in
            try await RetrievalEvaluation.run(
                set, index: context.workspace.index, gazetteer: context.gazetteer, embedder: context.embedder,
                modes: context.modes, k: k, fusion: evalOptions.fusion, keptIndex: context.workspace.isKept,
                progress: context.progress.update)
        }
    }
}
