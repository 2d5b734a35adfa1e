/// Step 1 of synthesis: where a section applies and what it is about.
public enum StructurePrompt {
    public static let template = PromptTemplate(
        id: "synth-structure", revision: 1,
        system: """
            You read one section of an agricultural document and describe it for a question writer. \
            Reply with only a JSON object: {"location": "<the place the advice applies to, as specific as the text allows, or \\"general\\">", "topics": ["<agronomic topic>", ...]}. \
            Give 1 to 6 short topics (crop, practice, pest, soil, timing, ...). No other text.
            """,
        user: """
            Document: {{title}}
            Section: {{section}}
            Regions tagged by the index: {{regions}}

            Section text:
            {{text}}
            """)
}
