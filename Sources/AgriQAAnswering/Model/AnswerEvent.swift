/// One event of a streamed answer: the sources once retrieval is done, answer text as it is
/// generated, then the whole answer.
///
/// The `.done` answer is authoritative: its text has invalid citation markers removed, and when the
/// model failed mid-stream it is the extractive fallback, replacing the text streamed so far (its
/// warnings say so).
public enum AnswerEvent: Sendable, Equatable {
    case sources([Citation])
    case delta(String)
    case done(Answer)

    /// The event's name on the wire (server-sent events): `sources`, `delta`, `done`.
    public var name: String {
        switch self {
        case .sources: return "sources"
        case .delta: return "delta"
        case .done: return "done"
        }
    }
}
