/// One exam question: multiple choice (options and an answer key) or open-ended (a reference
/// answer to compare against).
public struct ExamQuestion: Sendable, Codable, Equatable {
    /// One answer option, with the label the exam gives it (`A`, `B`, … or `1`, `2`, …).
    public struct Option: Sendable, Codable, Equatable {
        public var label: String
        public var text: String

        public init(label: String, text: String) {
            self.label = label
            self.text = text
        }
    }

    /// The question's identifier in the file (its line or item number when the file gives none).
    public var id: String
    public var question: String
    /// Empty for an open-ended question.
    public var options: [Option]
    /// The correct option's label (multiple choice).
    public var answerKey: String?
    /// The reference answer (open-ended).
    public var referenceAnswer: String?
    public var category: String?
    public var region: String?
    public var difficulty: String?
    /// Where the question starts in its file (1-based line for JSON Lines and CSV, item number for a JSON array).
    public var line: Int

    public init(
        id: String, question: String, options: [Option], answerKey: String?, referenceAnswer: String? = nil,
        category: String? = nil, region: String? = nil, difficulty: String? = nil, line: Int = 0
    ) {
        self.id = id
        self.question = question
        self.options = options
        self.answerKey = answerKey
        self.referenceAnswer = referenceAnswer
        self.category = category
        self.region = region
        self.difficulty = difficulty
        self.line = line
    }

    public var isMultipleChoice: Bool { !options.isEmpty }

    public func option(labelled label: String) -> Option? {
        options.first { $0.label.caseInsensitiveCompare(label) == .orderedSame }
    }
}

/// The questions of one exam file.
public struct Exam: Sendable {
    public var path: String
    public var questions: [ExamQuestion]
    /// The shape the file was recognised as (for the report), e.g. "options + answer".
    public var shape: String
    /// Things the reader had to assume (read integer keys as 0-based indices, …).
    public var notices: [String]

    public init(path: String, questions: [ExamQuestion], shape: String, notices: [String] = []) {
        self.path = path
        self.questions = questions
        self.shape = shape
        self.notices = notices
    }
}
