/// Step 2 of synthesis: questions a farmer could ask that the section answers.
public enum QuestionPrompt {
    /// Questions about a section (the `tokens` scaling mode).
    public static let section = PromptTemplate(
        id: "synth-questions", revision: 1,
        system: """
            You write questions that farmers and extension agents ask. Each question must be answerable from the given section, \
            self-contained (name the crop, practice and place instead of saying "this document"), and different from the others. \
            Reply with only a JSON object: {"questions": ["...", "..."]}.
            """,
        user: """
            Location: {{location}}
            Topics: {{topics}}
            Document: {{title}}
            Section: {{section}}

            Section text:
            {{text}}

            Questions already written (do not repeat them):
            {{previous}}

            Write {{count}} new questions.
            """)

    /// Questions about one atomic fact (the `facts` scaling mode).
    public static let fact = PromptTemplate(
        id: "synth-fact-questions", revision: 1,
        system: """
            You write questions that farmers and extension agents ask. Each question must be answered by the given fact, \
            be self-contained (name the crop, practice and place), and be worded differently from the others. \
            Reply with only a JSON object: {"questions": ["...", "..."]}.
            """,
        user: """
            Location: {{location}}
            Topics: {{topics}}
            Document: {{title}}
            Section: {{section}}

            Fact: {{fact}}

            Write {{count}} questions answered by this fact.
            """)
}
