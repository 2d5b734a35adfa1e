import AgriQAChatModel

/// One line of `train.jsonl` / `validation.jsonl`, in OpenAI's chat fine-tuning format:
/// `{"messages": [{"role": "system", …}, {"role": "user", …}, {"role": "assistant", …}]}`.
public struct FineTuneExample: Codable, Sendable, Equatable {
    public var messages: [ChatMessage]

    public init(messages: [ChatMessage]) {
        self.messages = messages
    }
}
