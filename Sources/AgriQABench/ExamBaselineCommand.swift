import AgriQAIndex
import ArgumentParser
import Foundation

/// `agriqa-bench exam-baseline`: the retrieval calls of `agriqa exam run --solver ir` alone, as
/// questions/s: for every multiple-choice question, one raw FTS5 query (BM25, the solver's depth) per
/// option for "question option", on a read-only connection, one question after another.
struct ExamBaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam-baseline",
        abstract: "Questions/s of the IR exam solver's raw FTS5 queries alone (the baseline for `agriqa exam run --solver ir`).",
        discussion: """
            The IR solver (lexical scoring, the default) asks the index, for each option, for the best chunks for \
            the question's words plus the option's words, then fetches those chunks' details and scores the options. \
            This command runs only those FTS5 queries (the same MATCH expressions, ORDER BY bm25 LIMIT --depth) \
            for the first --limit questions, with nothing around them, so `make bench` can show the solver's \
            questions/s beside it. Compare with `agriqa exam run --solver ir --concurrency 1`.

            Examples:
              agriqa-bench exam-baseline --exam ../shared/data/exams/crop_en.dev.jsonl --index ~/.cache/agriqa/bench/index-10000.sqlite --limit 100
            """)

    @Option(help: ArgumentHelp("The exam, JSON Lines with question and options (an object of label: text, or an array).", valueName: "file"))
    var exam: String

    @Option(help: ArgumentHelp("The index to query.", valueName: "file"))
    var index: String

    @Option(help: "Questions (the first N multiple-choice questions).")
    var limit = 100

    @Option(help: "Chunks per option (the IR solver's depth).")
    var depth = 3

    @Flag(help: "Print JSON instead of a line of text.")
    var json = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard depth >= 1 else { throw ValidationError("--depth must be at least 1") }
    }

    struct Result: Codable {
        var questions: Int
        var queries: Int
        var seconds: Double
        var questionsPerSecond: Double
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: index) else { throw BenchError.missingIndex(path: index) }
        let questions = try Self.multipleChoice(path: exam, limit: limit)
        guard !questions.isEmpty else { throw BenchError.invalid("\(exam) has no multiple-choice questions (question + options).") }
        let expressions = questions.map { question in question.options.compactMap { FTSQuery.expression(for: "\(question.text) \($0)") } }
        let fts = try RawFTS(path: index)
        if let first = expressions.first?.first { _ = try fts.search(first, limit: depth) }  // opens and warms the connection
        let (_, milliseconds) = try await timed {
            for options in expressions { for expression in options { _ = try fts.search(expression, limit: depth) } }
        }
        let seconds = milliseconds / 1000
        let result = Result(
            questions: questions.count, queries: expressions.reduce(0) { $0 + $1.count }, seconds: seconds,
            questionsPerSecond: Double(questions.count) / seconds)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(String(format: "%d questions, %d raw FTS5 queries: %.2f s, %.1f questions/s", result.questions, result.queries, seconds, result.questionsPerSecond))
        }
    }

    struct Question {
        var text: String
        var options: [String]
    }

    /// The first `limit` lines with a question and at least two options.
    static func multipleChoice(path: String, limit: Int) throws -> [Question] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw BenchError.missingData(path: path) }
        var questions: [Question] = []
        for line in text.split(whereSeparator: \.isNewline) where questions.count < limit {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let question = object["question"] as? String
            else { continue }
            var options: [String] = []
            if let labelled = object["options"] as? [String: Any] {
                options = labelled.keys.sorted().compactMap { labelled[$0] as? String }
            } else if let list = object["options"] as? [Any] {
                options = list.compactMap { $0 as? String }
            }
            if options.count >= 2 { questions.append(Question(text: question, options: options)) }
        }
        return questions
    }
}
