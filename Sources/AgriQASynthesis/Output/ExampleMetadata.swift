/// One line of `metadata.jsonl`: where a training example came from and how it was made.
public struct ExampleMetadata: Codable, Sendable, Equatable {
    public struct Document: Codable, Sendable, Equatable {
        public var id: Int64
        public var title: String
        public var path: String
    }

    /// `ex-000001`, in output order.
    public var id: String
    public var split: DocumentSplit.Part
    /// 1-based line of the example in its split's file (`train.jsonl` or `validation.jsonl`).
    public var line: Int
    public var question: String
    public var sectionID: String
    public var section: String
    public var document: Document
    public var pageStart: Int?
    public var pageEnd: Int?
    /// The region the coverage report counts it under (the document's strongest, or "general").
    public var region: String
    public var regions: [String]
    /// The structure step's location and topics.
    public var location: String
    public var topics: [String]
    public var factIDs: [String]
    public var round: Int
    /// The model that wrote questions and answers (one client; the teacher as the endpoint named it).
    public var generatorModel: String
    public var teacherModel: String
    public var promptVersions: [String: String]
    public var promptFormat: String
    public var reasoning: String?
    public var sources: [TeacherSource]
    public var cited: [Int]
    /// Estimated tokens of the question and of the assistant message.
    public var questionTokens: Int
    public var answerTokens: Int
}

/// One line of `questions.jsonl`: a question with its reference answer and source text, the
/// input of `agriqa eval questions` and `agriqa eval answers`.
public struct EvaluationQuestion: Codable, Sendable, Equatable {
    public var id: String
    public var question: String
    /// The reference answer (the teacher's final answer, citation markers removed).
    public var reference: String?
    /// The text the question was written from.
    public var source: String?
    /// Questions of one section are compared with each other for diversity.
    public var section: String?
    public var document: String?
    public var region: String?
    public var split: String?

    public init(
        id: String, question: String, reference: String? = nil, source: String? = nil, section: String? = nil,
        document: String? = nil, region: String? = nil, split: String? = nil
    ) {
        self.id = id
        self.question = question
        self.reference = reference
        self.source = source
        self.section = section
        self.document = document
        self.region = region
        self.split = split
    }
}
