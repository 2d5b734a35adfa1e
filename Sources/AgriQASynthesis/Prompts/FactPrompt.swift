/// Facts scaling: the atomic facts of a section, each of which gets its own questions.
public enum FactPrompt {
    public static let template = PromptTemplate(
        id: "synth-facts", revision: 1,
        system: """
            You list the atomic facts of a section of an agricultural document: each fact is one short, self-contained \
            statement (one number, date, rate, practice or recommendation), true according to the text, naming its crop and place. \
            Reply with only a JSON object: {"facts": ["...", "..."]}. At most {{max}} facts; no facts that are not in the text.
            """,
        user: """
            Location: {{location}}
            Document: {{title}}
            Section: {{section}}

            Section text:
            {{text}}
            """)
}
