import AgriQAChatModel

/// `POST /v1/ask`.
struct AskBody: Decodable, Sendable {
    struct Turn: Decodable, Sendable {
        var role: ChatMessage.Role
        var content: String
    }

    var question: String
    /// A region code, a place name or "lat,lon".
    var location: String?
    /// Earlier turns, oldest first, for follow-up questions.
    var history: [Turn]?
    var k: Int?
    var stream: Bool?
    /// "auto" (model when configured, extractive otherwise), "model" or "extractive".
    var mode: String?
}

/// `POST /v1/search`.
struct SearchBody: Decodable, Sendable {
    var question: String
    var location: String?
    var k: Int?
    /// "hybrid", "bm25" or "dense".
    var mode: String?
    var perDocument: Int?
}
