import Foundation

/// The JSON of OpenAI's `/v1/chat/completions`, as far as AgriQA uses it. Decoding is lenient
/// where servers differ (missing ids, `null` content, `usage: null`, numeric or string error codes).
enum ChatWireFormat {
    struct Request: Encodable {
        struct StreamOptions: Encodable {
            var includeUsage: Bool
            enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
        }
        struct ResponseFormat: Encodable {
            var type: String
        }

        var model: String
        var messages: [ChatMessage]
        var temperature: Double?
        var maxTokens: Int?
        var seed: Int?
        var stop: [String]?
        var stream: Bool
        var streamOptions: StreamOptions?
        var responseFormat: ResponseFormat?

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature, seed, stop, stream
            case maxTokens = "max_tokens"
            case streamOptions = "stream_options"
            case responseFormat = "response_format"
        }
    }

    struct Usage: Decodable {
        var promptTokens: Int?
        var completionTokens: Int?
        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }

        var tokenUsage: TokenUsage? {
            guard promptTokens != nil || completionTokens != nil else { return nil }
            return TokenUsage(promptTokens: promptTokens ?? 0, completionTokens: completionTokens ?? 0)
        }
    }

    /// `{"error": {"message": …, "type": …, "code": 400 | "rate_limit"}}`, in a body or inside a stream.
    struct ErrorBody: Decodable {
        var message: String?
        var type: String?
        var code: Int?
        var codeText: String?

        enum CodingKeys: String, CodingKey { case message, type, code }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {  // {"error": "…"} (Ollama)
                message = text
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            message = try? container.decodeIfPresent(String.self, forKey: .message)
            type = try? container.decodeIfPresent(String.self, forKey: .type)
            code = try? container.decodeIfPresent(Int.self, forKey: .code)
            codeText = code == nil ? (try? container.decodeIfPresent(String.self, forKey: .code)) : nil
        }

        /// The HTTP status the error stands for, when its code is one.
        var status: Int? { code.flatMap { (400...599).contains($0) ? $0 : nil } }

        var summary: String {
            [message, type.map { "type \($0)" }, codeText.map { "code \($0)" }].compactMap { $0 }.joined(separator: "; ")
        }
    }

    struct Completion: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable {
                var content: String?
            }
            var message: Message?
            var finishReason: String?
            enum CodingKeys: String, CodingKey {
                case message
                case finishReason = "finish_reason"
            }
        }
        var model: String?
        var choices: [Choice]?
        var usage: Usage?
        var error: ErrorBody?
    }

    struct Chunk: Decodable {
        struct Choice: Decodable {
            struct Delta: Decodable {
                var content: String?
            }
            var index: Int?
            var delta: Delta?
            var finishReason: String?
            enum CodingKeys: String, CodingKey {
                case index, delta
                case finishReason = "finish_reason"
            }
        }
        var model: String?
        var choices: [Choice]?
        var usage: Usage?
        var error: ErrorBody?
    }

    /// The completion in a non-streamed answer's body.
    static func completion(
        from body: Data, url: String, configuredModel: String, attempts: Int
    ) throws(ChatModelError) -> ChatCompletion {
        let decoded: Completion
        do {
            decoded = try JSONDecoder().decode(Completion.self, from: body)
        } catch {
            throw .malformedResponse(url: url, reason: "the body is not chat completion JSON: \(snippet(body))")
        }
        if let error = decoded.error {
            throw .http(url: url, status: error.status ?? 500, body: error.summary)
        }
        guard let choice = decoded.choices?.first else {
            throw .malformedResponse(url: url, reason: "the completion has no choices: \(snippet(body))")
        }
        return ChatCompletion(
            content: choice.message?.content ?? "", finishReason: choice.finishReason,
            usage: decoded.usage?.tokenUsage, model: decoded.model ?? configuredModel, attempts: attempts)
    }

    /// The start of a body for error messages: at most 500 characters of text.
    static func snippet(_ data: Data) -> String {
        let text = String(decoding: data.prefix(2000), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return "(empty body)" }
        return text.count > 500 ? String(text.prefix(500)) + "…" : text
    }

    /// The message of an OpenAI-style error body, else the body's start.
    static func errorSummary(_ data: Data) -> String {
        struct Envelope: Decodable { var error: ErrorBody? }
        if let error = (try? JSONDecoder().decode(Envelope.self, from: data))?.error, !error.summary.isEmpty {
            return error.summary
        }
        return snippet(data)
    }
}
