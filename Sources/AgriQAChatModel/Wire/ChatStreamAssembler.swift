import Foundation

/// Turns the events of a streamed chat completion into text deltas and, at the end, the whole
/// completion. It understands what real servers send:
/// - llama-server's first chunk `delta: {"role":"assistant","content":null}` (no text);
/// - the usage-only last chunk `{"choices":[], "usage":{…}}` (with `stream_options.include_usage`);
/// - `data: [DONE]`, after which nothing more is read;
/// - an `{"error": {…}}` object (or an `event: error`) inside the stream, which becomes
///   ``ChatModelError/http(url:status:body:)`` with the error's code when it is an HTTP status, else 500.
///
/// How a stream may end: `[DONE]` is a proper end. A stream that ends (cleanly or cut) after a
/// `finish_reason` arrived is accepted too, since the answer is complete; one that ends before
/// either is an error, because its text may be cut short.
struct ChatStreamAssembler {
    let url: String
    private(set) var content = ""
    private(set) var finishReason: String?
    private(set) var usage: TokenUsage?
    private(set) var model: String?
    /// `[DONE]` arrived.
    private(set) var isDone = false
    /// Events parsed so far (for error messages).
    private(set) var eventCount = 0
    private let decoder = JSONDecoder()

    init(url: String) {
        self.url = url
    }

    /// Whether what arrived so far makes a complete answer.
    var isComplete: Bool { isDone || finishReason != nil }

    /// Takes one event; returns the text it adds (nil when it adds none).
    mutating func consume(_ event: ServerSentEvent) throws(ChatModelError) -> String? {
        guard !isDone else { return nil }
        eventCount += 1
        let data = event.data.trimmingCharacters(in: .whitespacesAndNewlines)
        if data == "[DONE]" {
            isDone = true
            return nil
        }
        let chunk: ChatWireFormat.Chunk
        do {
            chunk = try decoder.decode(ChatWireFormat.Chunk.self, from: Data(data.utf8))
        } catch {
            throw .malformedResponse(
                url: url, reason: "stream event \(eventCount) is not a JSON chat chunk: \(Self.excerpt(data))")
        }
        if let error = chunk.error {
            throw .http(url: url, status: error.status ?? 500, body: "error inside the stream: \(error.summary)")
        }
        if event.event == "error" {
            throw .http(url: url, status: 500, body: "error inside the stream: \(Self.excerpt(data))")
        }
        if let model = chunk.model, !model.isEmpty { self.model = model }
        if let usage = chunk.usage?.tokenUsage { self.usage = usage }
        guard let choices = chunk.choices else {
            if chunk.usage != nil || chunk.model != nil { return nil }
            throw .malformedResponse(url: url, reason: "stream event \(eventCount) has no choices: \(Self.excerpt(data))")
        }
        // Only the first choice is asked for (no `n`); servers number it 0.
        guard let choice = choices.first(where: { ($0.index ?? 0) == 0 }) else { return nil }
        if let reason = choice.finishReason, !reason.isEmpty { finishReason = reason }
        guard let text = choice.delta?.content, !text.isEmpty else { return nil }
        content += text
        return text
    }

    /// The completion, once the stream has ended.
    func completion(configuredModel: String, attempts: Int) throws(ChatModelError) -> ChatCompletion {
        guard isComplete else {
            throw .malformedResponse(
                url: url,
                reason: "the stream ended before the model finished (no finish_reason and no data: [DONE]) after "
                    + "\(content.count) characters; the answer may be cut short")
        }
        return ChatCompletion(
            content: content, finishReason: finishReason, usage: usage, model: model ?? configuredModel,
            attempts: attempts)
    }

    static func excerpt(_ text: String) -> String {
        text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
