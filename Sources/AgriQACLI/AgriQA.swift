import ArgumentParser

@main
struct AgriQA: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agriqa",
        abstract: "AgriQA: a location-aware agricultural question-answering knowledge server.",
        discussion: """
            Turns agricultural documents (PDF extension bulletins, crop guides, research articles) and Q&A \
            records (JSONL/JSON/CSV call-centre logs) into a geography-tagged SQLite index.

            Quick start:
              agriqa ingest corpus/     # build index/agriqa.sqlite
              agriqa stats              # what is in the index
              agriqa search "when to plant winter wheat" --location US-WA
              agriqa docs list          # the indexed documents
              agriqa chat --location US-WA   # a conversation in the terminal
            """,
        version: "0.1.0",
        subcommands: [IngestCommand.self, EmbedCommand.self, SearchCommand.self, AskCommand.self, ChatCommand.self, ServeCommand.self, DocsCommand.self, StatsCommand.self, InspectCommand.self, EvalCommand.self, ExamCommand.self, SynthCommand.self]
    )
}
