import Foundation

/// A chat completion request as the fake server received and decoded it.
public struct FakeChatRequest: Sendable {
    public struct Message: Sendable, Equatable {
        public var role: String
        public var content: String

        public init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    public var model: String?
    public var messages: [Message]
    public var stream: Bool
    /// `stream_options.include_usage`.
    public var includeUsage: Bool
    public var temperature: Double?
    /// `max_tokens`, or `max_completion_tokens`.
    public var maxTokens: Int?
    public var seed: Int?
    public var stop: [String]
    /// `response_format.type` (`json_object`, …).
    public var responseFormat: String?
    /// Request headers, names in lower case (`authorization`, `api-key`, …).
    public var headers: [String: String]
    /// The body as sent.
    public var body: String
    /// When the server read it (for gaps between retries).
    public var receivedAt: ContinuousClock.Instant

    /// The content of the last `user` message.
    public var lastUserMessage: String? { messages.last(where: { $0.role == "user" })?.content }

    /// A rough prompt size for the fake usage: the number of whitespace-separated words.
    var promptWordCount: Int { messages.reduce(0) { $0 + FakeChatWire.wordCount($1.content) } }
}

extension FakeChatRequest {
    /// Decodes an OpenAI chat request body; nil when it is not one.
    init?(body: Data, headers: [String: String], receivedAt: ContinuousClock.Instant) {
        guard let wire = try? JSONDecoder().decode(Wire.self, from: body) else { return nil }
        self.init(
            model: wire.model, messages: wire.messages.map { Message(role: $0.role, content: $0.content.text) },
            stream: wire.stream ?? false, includeUsage: wire.streamOptions?.includeUsage ?? false,
            temperature: wire.temperature, maxTokens: wire.maxTokens ?? wire.maxCompletionTokens, seed: wire.seed,
            stop: wire.stop?.values ?? [], responseFormat: wire.responseFormat?.type, headers: headers,
            body: String(decoding: body, as: UTF8.self), receivedAt: receivedAt)
    }

    private struct Wire: Decodable {
        struct WireMessage: Decodable {
            var role: String
            var content: Content
        }
        /// A string, or an array of parts of which the `text` ones count; null is "".
        struct Content: Decodable {
            var text: String
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if container.decodeNil() {
                    text = ""
                } else if let text = try? container.decode(String.self) {
                    self.text = text
                } else {
                    struct Part: Decodable { var text: String? }
                    text = try container.decode([Part].self).compactMap(\.text).joined(separator: "\n")
                }
            }
        }
        /// A string or an array of strings.
        struct Stop: Decodable {
            var values: [String]
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let one = try? container.decode(String.self) { values = [one] } else { values = try container.decode([String].self) }
            }
        }
        struct StreamOptions: Decodable {
            var includeUsage: Bool?
            enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
        }
        struct ResponseFormat: Decodable { var type: String? }

        var model: String?
        var messages: [WireMessage]
        var stream: Bool?
        var streamOptions: StreamOptions?
        var temperature: Double?
        var maxTokens: Int?
        var maxCompletionTokens: Int?
        var seed: Int?
        var stop: Stop?
        var responseFormat: ResponseFormat?

        enum CodingKeys: String, CodingKey {
            case model, messages, stream, temperature, seed, stop
            case streamOptions = "stream_options"
            case maxTokens = "max_tokens"
            case maxCompletionTokens = "max_completion_tokens"
            case responseFormat = "response_format"
        }
    }
}
