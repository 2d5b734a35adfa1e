import ArgumentParser

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure retrieval quality, and the quality of synthesized questions and of answers.",
        discussion: """
            retrieval   questions with known answer passages (AgXQA-style JSON Lines): recall@1/5/10, MRR, nDCG@10 \
            per mode (bm25, dense, hybrid), and same-region@5 when questions carry a location.
            geography   Q&A records with states (Kisan Call Centre logs): index all but a seeded held-out sample, \
            ask the held-out questions with and without their state, and report same-region@5.
            questions   synthesized questions (`agriqa synth` output): judged relevance, coverage and fluency, \
            KL overlap with the source, diversity, lengths.
            answers     answer every question under each --config (model id, retrieval on/off) and compare them: \
            judged correctness and succinctness, groundedness, similarity to the reference.

            retrieval and geography build a temporary index (removed afterwards) unless --index FILE keeps one, which later runs \
            reuse when the inputs are unchanged. Recipes and measured numbers: docs/evaluation.md and docs/synthesis.md.
            """,
        subcommands: [EvalRetrievalCommand.self, EvalGeographyCommand.self, EvalQuestionsCommand.self, EvalAnswersCommand.self])
}
