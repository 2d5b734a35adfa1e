/// The judge prompts of `agriqa eval questions` and `agriqa eval answers`. Scores are 1–5
/// (5 best) except correctness, a three-way verdict.
public enum JudgePrompts {
    private static let scoreFormat = #"Reply with only a JSON object: {"score": <1-5>, "reason": "<one sentence>"}."#

    /// Is the question about what the source says? (with the source)
    public static let relevance = PromptTemplate(
        id: "judge-relevance", revision: 1,
        system: """
            You grade a question written from a source text. Score its relevance to the source: 5 = it asks about the source's \
            central agronomic content; 3 = it touches the source's topic but not its content; 1 = unrelated to the source. \(scoreFormat)
            """,
        user: "Source:\n{{source}}\n\nQuestion: {{question}}")

    /// Is the question a useful agricultural question on its own? (without the source)
    public static let globalRelevance = PromptTemplate(
        id: "judge-global-relevance", revision: 1,
        system: """
            You grade a question for a farmers' question-answering service, without seeing any source. Score its global relevance: \
            5 = a specific, useful agricultural question a farmer or extension agent would ask, understandable on its own; \
            3 = agricultural but vague or dependent on unseen context ("in this study"); 1 = not an agricultural question. \(scoreFormat)
            """,
        user: "Question: {{question}}")

    /// Can the answer be found in the source? (with the source)
    public static let coverage = PromptTemplate(
        id: "judge-coverage", revision: 1,
        system: """
            You check whether a source text answers a question. Score the coverage: 5 = the source answers it fully; \
            3 = the source answers part of it; 1 = the source does not answer it. \(scoreFormat)
            """,
        user: "Source:\n{{source}}\n\nQuestion: {{question}}")

    /// Is the question well written? (without the source)
    public static let fluency = PromptTemplate(
        id: "judge-fluency", revision: 1,
        system: """
            You grade the language of a question. Score its fluency: 5 = natural, grammatical and clear; 3 = understandable with \
            errors or awkward wording; 1 = garbled. \(scoreFormat)
            """,
        user: "Question: {{question}}")

    /// Does the answer agree with the reference? Three-way rubric.
    public static let correctness = PromptTemplate(
        id: "judge-correctness", revision: 1,
        system: """
            You grade an answer to an agricultural question against a reference answer. Verdicts: \
            "correct" = it states the reference's key facts (numbers, dates, practices) and contradicts none; \
            "partial" = it states some key facts, or adds a wrong detail next to right ones; \
            "incorrect" = it misses the key facts or contradicts the reference. Wording and length do not matter. \
            Reply with only a JSON object: {"verdict": "correct" | "partial" | "incorrect", "reason": "<one sentence>"}.
            """,
        user: "Question: {{question}}\n\nReference answer: {{reference}}\n\nAnswer to grade: {{answer}}")

    /// Is the answer to the point?
    public static let succinctness = PromptTemplate(
        id: "judge-succinctness", revision: 1,
        system: """
            You grade how succinct an answer to a farmer's question is. 5 = says what is needed in few words, no padding or \
            repetition; 3 = useful but wordy or with digressions; 1 = mostly padding, repetition or off-topic text. \(scoreFormat)
            """,
        user: "Question: {{question}}\n\nAnswer: {{answer}}")

    public static let questionPrompts = [relevance, globalRelevance, coverage, fluency]
    public static let answerPrompts = [correctness, succinctness]
}
