import AgriQAChatModel
import AgriQADomain
import AgriQARetrieval

/// Which answerer the caller wants.
public enum AnswerModePreference: String, Sendable, Codable, CaseIterable {
    /// The chat model when one is configured, the extractive answerer otherwise.
    case auto
    /// The chat model; an error when none is configured. A model that is down still falls back.
    case model
    /// The extractive answerer, even when a model is configured.
    case extractive
}

/// How retrieval runs for an answer. Unset fields keep retrieval's defaults; the number of sources
/// is the request's `k`.
public struct AnswerSearchOptions: Sendable, Codable, Equatable {
    public var mode: SearchMode?
    public var perDocument: Int?
    public var rrfK: Double?
    public var lexicalWeight: Double?
    public var denseWeight: Double?
    public var quantized: Bool?

    public init(
        mode: SearchMode? = nil, perDocument: Int? = nil, rrfK: Double? = nil, lexicalWeight: Double? = nil,
        denseWeight: Double? = nil, quantized: Bool? = nil
    ) {
        self.mode = mode
        self.perDocument = perDocument
        self.rrfK = rrfK
        self.lexicalWeight = lexicalWeight
        self.denseWeight = denseWeight
        self.quantized = quantized
    }

    /// Retrieval's options for `k` results.
    public func searchOptions(k: Int) -> SearchOptions {
        let defaults = SearchOptions(k: k)
        return SearchOptions(
            k: k, mode: mode ?? defaults.mode, rrfK: rrfK ?? defaults.rrfK,
            lexicalWeight: lexicalWeight ?? defaults.lexicalWeight, denseWeight: denseWeight ?? defaults.denseWeight,
            perDocument: perDocument ?? defaults.perDocument, candidates: defaults.candidates,
            quantized: quantized ?? defaults.quantized)
    }
}

/// A question to answer, with the asker's location and the earlier turns of the conversation.
///
/// Decoding fills missing fields with their defaults (`history` empty, `k` 6, `mode` auto), so a
/// JSON body needs only `question`.
public struct AnswerRequest: Sendable, Codable, Equatable {
    public static let defaultK = 6
    /// `k` must lie in this range.
    public static let kRange = 1...50
    /// Longer questions are refused.
    public static let maximumQuestionLength = 2_000

    public var question: String
    /// The asker's region, already resolved (surfaces resolve codes, names and coordinates).
    public var location: Region?
    /// Earlier turns, oldest first (user questions and assistant answers); used to rewrite follow-ups.
    public var history: [ChatMessage]
    /// How many sources to retrieve.
    public var k: Int
    public var mode: AnswerModePreference
    public var search: AnswerSearchOptions

    public init(
        question: String, location: Region? = nil, history: [ChatMessage] = [], k: Int = AnswerRequest.defaultK,
        mode: AnswerModePreference = .auto, search: AnswerSearchOptions = AnswerSearchOptions()
    ) {
        self.question = question
        self.location = location
        self.history = history
        self.k = k
        self.mode = mode
        self.search = search
    }

    private enum CodingKeys: String, CodingKey {
        case question, location, history, k, mode, search
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        question = try container.decode(String.self, forKey: .question)
        location = try container.decodeIfPresent(Region.self, forKey: .location)
        history = try container.decodeIfPresent([ChatMessage].self, forKey: .history) ?? []
        k = try container.decodeIfPresent(Int.self, forKey: .k) ?? Self.defaultK
        mode = try container.decodeIfPresent(AnswerModePreference.self, forKey: .mode) ?? .auto
        search = try container.decodeIfPresent(AnswerSearchOptions.self, forKey: .search) ?? AnswerSearchOptions()
    }
}
