import AgriQAChatModel

/// The prompts of the model solver. Deterministic: the same question, sources and settings give
/// the same messages, so runs with the same seed send the same prompts.
enum ExamPrompts {
    static let system = """
        You are an expert agronomist taking a crop science exam. Choose the single best option.
        """

    static func multipleChoice(_ question: ExamQuestion, sources: [SourceRecord], chainOfThought: Bool) -> [ChatMessage] {
        var text = sourcesBlock(sources)
        text += "Question: \(question.question)\n\nOptions:\n"
        text += question.options.map { "\($0.label). \($0.text)" }.joined(separator: "\n")
        text += "\n\n"
        let labels = question.options.map(\.label).joined(separator: ", ")
        if chainOfThought {
            text += "Think step by step in a few sentences, then give your final answer on the last line as \"Answer: <label>\" (one of \(labels))."
        } else {
            // A letter, not a JSON template: small models copy a template's placeholder verbatim.
            text += "Reply with the label of the best option only (one of \(labels))."
        }
        return [.system(system), .user(text)]
    }

    /// Ensemble refinement: the question again, with the reasoning samples to weigh.
    static func refinement(_ question: ExamQuestion, sources: [SourceRecord], samples: [String]) -> [ChatMessage] {
        var text = sourcesBlock(sources)
        text += "Question: \(question.question)\n\nOptions:\n"
        text += question.options.map { "\($0.label). \($0.text)" }.joined(separator: "\n")
        text += "\n\nOther experts reasoned about this question as follows:\n\n"
        for (offset, sample) in samples.enumerated() {
            text += "Expert \(offset + 1):\n\(sample.trimmingCharacters(in: .whitespacesAndNewlines))\n\n"
        }
        let labels = question.options.map(\.label).joined(separator: ", ")
        text += "Weigh their reasoning critically (they may be wrong), think step by step, and give your final answer on the last line as \"Answer: <label>\" (one of \(labels))."
        return [.system(system), .user(text)]
    }

    static func openEnded(_ question: ExamQuestion, sources: [SourceRecord]) -> [ChatMessage] {
        var text = sourcesBlock(sources)
        text += "Question: \(question.question)\n\nAnswer concisely, in at most three sentences."
        return [
            .system("You are an expert agronomist answering an exam question precisely and concisely."), .user(text),
        ]
    }

    static func judge(_ question: ExamQuestion, answer: String, reference: String) -> [ChatMessage] {
        let text = """
            Question: \(question.question)

            Reference answer: \(reference)

            Candidate answer: \(answer)

            Does the candidate answer agree with the reference answer on the facts that matter? \
            Reply with only a JSON object: {"correct": true} or {"correct": false}.
            """
        return [.system("You grade exam answers against a reference answer strictly and fairly."), .user(text)]
    }

    private static func sourcesBlock(_ sources: [SourceRecord]) -> String {
        guard !sources.isEmpty else { return "" }
        var text = "Sources:\n"
        for source in sources {
            let page = source.page.map { ", p. \($0)" } ?? ""
            text += "[\(source.rank)] \(source.title)\(page): \(source.text)\n"
        }
        return text + "\nUse the sources when they help; they may not cover the question.\n\n"
    }
}
