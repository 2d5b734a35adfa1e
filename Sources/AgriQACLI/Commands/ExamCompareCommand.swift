import AgriQAExam
import ArgumentParser
import Foundation

struct ExamCompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two exam runs: accuracy side by side, flipped questions, McNemar's test.",
        discussion: """
            Questions are paired by id; only questions both runs scored count. McNemar's test uses the exact \
            binomial test below 25 discordant pairs and chi-square with continuity correction otherwise.
            """)

    @Argument(help: ArgumentHelp("The first run's folder (written by `agriqa exam run --out`).", valueName: "dir-a"))
    var first: String

    @Argument(help: ArgumentHelp("The second run's folder.", valueName: "dir-b"))
    var second: String

    @Option(help: "List at most this many flipped questions.")
    var show = 20

    @Flag(help: "Print the comparison as JSON on standard output.")
    var json = false

    func run() async throws {
        let comparison: RunComparison
        do {
            comparison = try RunComparison.load(URL(fileURLWithPath: first), URL(fileURLWithPath: second))
        } catch {
            throw CLIError(error.description)
        }
        print(json ? try Terminal.json(comparison) : ExamRendering.render(comparison, show: show))
    }
}
