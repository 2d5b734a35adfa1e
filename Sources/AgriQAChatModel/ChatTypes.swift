/// One message of a conversation, as the OpenAI chat format has it.
public struct ChatMessage: Sendable, Codable, Equatable {
    public enum Role: String, Sendable, Codable {
        case system, user, assistant
    }

    public var role: Role
    public var content: String

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }

    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: .system, content: content) }
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: .user, content: content) }
    public static func assistant(_ content: String) -> ChatMessage { ChatMessage(role: .assistant, content: content) }
}

/// What to ask the model. Unset values are left to the client's configuration.
public struct ChatRequest: Sendable, Equatable {
    public var messages: [ChatMessage]
    public var temperature: Double?
    public var maxTokens: Int?
    public var seed: Int?
    public var stop: [String]
    /// Ask for a JSON object (`response_format: {"type":"json_object"}`); servers that do not
    /// support it ignore it, so callers still validate what comes back.
    public var jsonObject: Bool

    public init(
        messages: [ChatMessage], temperature: Double? = nil, maxTokens: Int? = nil, seed: Int? = nil,
        stop: [String] = [], jsonObject: Bool = false
    ) {
        self.messages = messages
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.stop = stop
        self.jsonObject = jsonObject
    }
}

/// Token counts as the endpoint reported them.
public struct TokenUsage: Sendable, Codable, Equatable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int { promptTokens + completionTokens }

    public init(promptTokens: Int, completionTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}

/// A finished completion.
public struct ChatCompletion: Sendable, Equatable {
    public var content: String
    /// `stop`, `length`, … as the endpoint said; nil when it said nothing.
    public var finishReason: String?
    /// Nil when the endpoint reported no usage.
    public var usage: TokenUsage?
    /// The model that answered, as the endpoint named it.
    public var model: String
    /// How many attempts it took (1 = no retry).
    public var attempts: Int

    public init(content: String, finishReason: String?, usage: TokenUsage?, model: String, attempts: Int = 1) {
        self.content = content
        self.finishReason = finishReason
        self.usage = usage
        self.model = model
        self.attempts = attempts
    }
}

/// One event of a streamed completion.
public enum ChatStreamEvent: Sendable, Equatable {
    /// More answer text.
    case delta(String)
    /// The end: the whole completion (its content is every delta joined).
    case finished(ChatCompletion)
}
