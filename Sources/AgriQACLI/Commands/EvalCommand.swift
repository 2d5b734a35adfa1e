import ArgumentParser

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure retrieval quality: recall, MRR, nDCG and same-region@5 per search mode.",
        discussion: """
            retrieval   questions with known answer passages (AgXQA-style JSON Lines): recall@1/5/10, MRR, nDCG@10 \
            per mode (bm25, dense, hybrid), and same-region@5 when questions carry a location.
            geography   Q&A records with states (Kisan Call Centre logs): index all but a seeded held-out sample, \
            ask the held-out questions with and without their state, and report same-region@5.

            Both build a temporary index (removed afterwards) unless --index FILE keeps one, which later runs \
            reuse when the inputs are unchanged. Recipes and measured numbers: docs/evaluation.md.
            """,
        subcommands: [EvalRetrievalCommand.self, EvalGeographyCommand.self])
}
