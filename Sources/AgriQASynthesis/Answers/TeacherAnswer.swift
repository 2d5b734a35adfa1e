import AgriQAChatModel

/// How the training examples' prompts look.
public enum PromptFormat: String, Sendable, Codable, CaseIterable {
    /// The answer service's grounded prompt (system rules, numbered sources, question): the
    /// fine-tuned model learns the prompt it is served with, citations included.
    case rag
    /// The question alone under a short system prompt; the answer without citation markers.
    case closedBook = "closed-book"
}

/// A source the teacher was given.
public struct TeacherSource: Sendable, Codable, Equatable {
    public var number: Int
    public var chunkID: Int64
    public var documentID: Int64
    public var title: String
    public var section: String
    public var pageStart: Int?
    public var pageEnd: Int?
    /// Whether it is a chunk of the section the question was written from.
    public var fromSection: Bool
}

/// The teacher model's answer to one question, with the training messages built from it.
public struct TeacherAnswer: Sendable, Codable, Equatable {
    /// `[system, user, assistant]` in the chosen ``PromptFormat``.
    public var messages: [ChatMessage]
    /// The final answer (citation markers checked against the sources).
    public var answer: String
    /// The reasoning chain before the answer (`--reasoning`).
    public var reasoning: String?
    public var sources: [TeacherSource]
    /// Source numbers the answer cites.
    public var cited: [Int]
    /// The model that answered, as the endpoint named it.
    public var model: String
}
