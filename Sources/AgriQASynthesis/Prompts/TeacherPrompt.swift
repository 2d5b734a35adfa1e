/// Step 3 of synthesis: the teacher model's answer. The grounded prompt itself is the answer
/// service's (``AgriQAAnswering/PromptBuilder``), so the fine-tuned model learns exactly the
/// prompt it is served with; this adds the reasoning instruction and the closed-book variant.
public enum TeacherPrompt {
    /// Raised when the additions below change (the answer prompt has its own version).
    public static let version = "synth-teacher@1"

    /// Appended to the system prompt with `--reasoning`.
    public static let reasoningRule = """
        7. First reason step by step after a line "Reasoning:", using only the sources; then give the final answer after a line "Answer:".
        """

    /// The system prompt of closed-book training examples (`--prompt-format closed-book`).
    public static let closedBookSystem = """
        You are an agricultural extension advisor answering a farmer. Answer concisely and practically, \
        and say which region your advice applies to.
        """
}
