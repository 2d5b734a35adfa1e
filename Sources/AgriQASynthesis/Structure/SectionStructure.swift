/// What the structure step says about a section: where its advice applies and its agronomic topics.
public struct SectionStructure: Sendable, Codable, Equatable {
    /// A place ("Palouse, eastern Washington") or "general".
    public var location: String
    public var topics: [String]

    public init(location: String, topics: [String]) {
        self.location = location
        self.topics = topics
    }

    /// Throws a message the model can act on when the reply is unusable.
    func validate() throws {
        guard !location.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InvalidReply("\"location\" is empty; give a place or \"general\"")
        }
        let named = topics.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard !named.isEmpty else { throw InvalidReply("\"topics\" is empty; give 1 to 6 topics") }
        guard topics.count <= 12 else { throw InvalidReply("\"topics\" has \(topics.count) entries; give 1 to 6") }
    }
}

/// The structure step's result for one section, as stored in `sections.jsonl`.
public struct SectionRecord: Sendable, Codable, Equatable {
    public var section: SourceSection
    public var structure: SectionStructure?
    /// Why the section was skipped (invalid JSON twice, model failure).
    public var failure: String?
    /// The last invalid reply, when the structure step failed on its content.
    public var invalidReply: String?
    /// Model calls the step took (2 when the first reply was invalid).
    public var attempts: Int
    public var promptVersion: String
}
