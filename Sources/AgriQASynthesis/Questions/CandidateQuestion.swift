/// A generated question before it is answered.
public struct CandidateQuestion: Sendable, Codable, Equatable {
    public var text: String
    public var sectionID: String
    /// The facts it asks about (facts mode; a kept question inherits the facts of the near
    /// duplicates removed in its favour).
    public var factIDs: [String]
    /// The generation round (tokens mode), 1-based.
    public var round: Int

    public init(text: String, sectionID: String, factIDs: [String] = [], round: Int = 1) {
        self.text = text
        self.sectionID = sectionID
        self.factIDs = factIDs
        self.round = round
    }
}
