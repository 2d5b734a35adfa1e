/// One question–answer record (a call-centre log entry, an FAQ item), with its location and context.
public struct QARecord: Sendable, Equatable {
    /// The record's own id, or its 1-based position in the file.
    public var id: String
    public var question: String
    public var answer: String
    public var country: String?
    public var state: String?
    public var district: String?
    public var crop: String?
    public var season: String?
    public var date: String?
    /// Every other non-empty field of the record, kept as metadata.
    public var extra: [String: String]

    public init(
        id: String, question: String, answer: String, country: String? = nil, state: String? = nil,
        district: String? = nil, crop: String? = nil, season: String? = nil, date: String? = nil,
        extra: [String: String] = [:]
    ) {
        self.id = id
        self.question = question
        self.answer = answer
        self.country = country
        self.state = state
        self.district = district
        self.crop = crop
        self.season = season
        self.date = date
        self.extra = extra
    }

    /// The text that is indexed and shown: question and answer.
    public var text: String {
        switch (question.isEmpty, answer.isEmpty) {
        case (false, false): return "Question: \(question)\nAnswer: \(answer)"
        case (false, true): return "Question: \(question)"
        default: return "Answer: \(answer)"
        }
    }
}
