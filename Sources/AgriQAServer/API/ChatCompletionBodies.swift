import AgriQAAnswering
import AgriQAChatModel
import Foundation

/// `POST /v1/chat/completions` as OpenAI clients send it. AgriQA reads the conversation, the
/// asker's location (top-level `location`, or `agriqa.location`) and optional `agriqa.k` / `agriqa.mode`;
/// other OpenAI fields (temperature, max_tokens, …) are accepted and ignored: the server's own
/// model settings apply.
struct ChatCompletionBody: Decodable, Sendable {
    struct Message: Decodable, Sendable {
        var role: String
        var content: Content?
    }

    /// A message's content: a string, or an array of parts of which the text parts are used.
    struct Content: Decodable, Sendable {
        var text: String

        struct Part: Decodable { var type: String; var text: String? }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self.text = text
            } else {
                let parts = try container.decode([Part].self)
                text = parts.filter { $0.type == "text" }.compactMap(\.text).joined(separator: "\n")
            }
        }
    }

    struct Extension: Decodable, Sendable {
        var location: String?
        var k: Int?
        var mode: String?
    }

    struct StreamOptions: Decodable, Sendable {
        var include_usage: Bool?
    }

    var model: String?
    var messages: [Message]
    var stream: Bool?
    var stream_options: StreamOptions?
    var location: String?
    var agriqa: Extension?
}

/// The OpenAI response shapes, with AgriQA's answer (citations, mode, location) under `agriqa`.
enum ChatCompletionWire {
    struct Usage: Encodable {
        var prompt_tokens: Int
        var completion_tokens: Int
        var total_tokens: Int

        init(_ usage: TokenUsage?) {
            prompt_tokens = usage?.promptTokens ?? 0
            completion_tokens = usage?.completionTokens ?? 0
            total_tokens = usage?.totalTokens ?? 0
        }
    }

    struct Completion: Encodable {
        struct Choice: Encodable {
            struct Message: Encodable {
                var role = "assistant"
                var content: String
            }

            var index = 0
            var message: Message
            var finish_reason = "stop"
        }

        var id: String
        var object = "chat.completion"
        var created: Int
        var model: String
        var choices: [Choice]
        var usage: Usage
        var agriqa: Answer
    }

    struct Chunk: Encodable {
        struct Choice: Encodable {
            struct Delta: Encodable {
                var role: String?
                var content: String?
            }

            var index = 0
            var delta: Delta
            var finish_reason: String?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(index, forKey: .index)
                try container.encode(delta, forKey: .delta)
                try container.encode(finish_reason, forKey: .finish_reason)  // null while streaming, as OpenAI does
            }

            enum CodingKeys: String, CodingKey { case index, delta, finish_reason }
        }

        /// AgriQA's additions to a chunk: the sources on the first, the whole answer on the last.
        struct Extension: Encodable {
            var sources: [Citation]?
            var answer: Answer?
        }

        var id: String
        var object = "chat.completion.chunk"
        var created: Int
        var model: String
        var choices: [Choice]
        var usage: Usage?
        var agriqa: Extension?
    }
}
