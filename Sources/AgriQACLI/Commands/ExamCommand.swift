import ArgumentParser

struct ExamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam",
        abstract: "Score exams (multiple choice and open-ended) through the system, and compare runs.",
        discussion: """
            run       answer every question of a JSONL/JSON/CSV exam with the IR solver (no model: the option best \
            supported by the index) or the chat model (with or without retrieved sources, chain of thought, \
            Ensemble Refinement); writes results.jsonl, summary.json, report.md and report.html.
            compare   two runs side by side: accuracy, questions that flipped, McNemar's test.

            Formats, solvers and numbers measured on this machine: docs/exams.md.
            """,
        subcommands: [ExamRunCommand.self, ExamCompareCommand.self])
}
