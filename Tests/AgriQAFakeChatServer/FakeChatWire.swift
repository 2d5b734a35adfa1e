import Foundation

/// The JSON and Server-Sent Events the fake server writes, in OpenAI's shapes.
enum FakeChatWire {
    struct Reply {
        var id: String
        var model: String
        var created = Int(Date().timeIntervalSince1970)

        /// `{"object": "chat.completion", "choices": [{"message": …}], "usage": …}`.
        func completion(_ text: String, finishReason: String, usage: (prompt: Int, completion: Int)) -> String {
            json([
                "id": id, "object": "chat.completion", "created": created, "model": model,
                "choices": [
                    ["index": 0, "message": ["role": "assistant", "content": text], "finish_reason": finishReason]
                ],
                "usage": usageObject(usage),
            ])
        }

        /// The first chunk, as llama-server sends it: a role and `"content": null`.
        func roleChunk() -> String {
            chunk(delta: ["role": "assistant", "content": NSNull()], finishReason: nil)
        }

        func contentChunk(_ text: String) -> String {
            chunk(delta: ["content": text], finishReason: nil)
        }

        func finishChunk(_ reason: String) -> String {
            chunk(delta: [:], finishReason: reason)
        }

        /// The last chunk with `stream_options.include_usage`: no choices, only usage.
        func usageChunk(_ usage: (prompt: Int, completion: Int)) -> String {
            event(json([
                "id": id, "object": "chat.completion.chunk", "created": created, "model": model,
                "choices": [Any](), "usage": usageObject(usage),
            ]))
        }

        private func chunk(delta: [String: Any], finishReason: String?) -> String {
            event(json([
                "id": id, "object": "chat.completion.chunk", "created": created, "model": model,
                "choices": [["index": 0, "delta": delta, "finish_reason": finishReason.map { $0 as Any } ?? NSNull()]],
            ]))
        }

        private func usageObject(_ usage: (prompt: Int, completion: Int)) -> [String: Any] {
            ["prompt_tokens": usage.prompt, "completion_tokens": usage.completion, "total_tokens": usage.prompt + usage.completion]
        }
    }

    static let done = "data: [DONE]\n\n"

    /// One Server-Sent Event carrying `data`.
    static func event(_ data: String) -> String { "data: \(data)\n\n" }

    /// `{"error": {"message": …, "type": …, "code": status}}`.
    static func error(status: Int, message: String) -> String {
        json(["error": ["message": message, "type": status >= 500 ? "server_error" : "invalid_request_error", "code": status]])
    }

    /// `text` cut into words, each but the first with its leading space, so that they join back.
    static func pieces(of text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            if character.isWhitespace, !current.isEmpty, !(current.last?.isWhitespace ?? false) {
                pieces.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }

    static func json(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            preconditionFailure("the fake server's own JSON could not be encoded")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
