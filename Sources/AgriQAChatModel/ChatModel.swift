/// A chat model behind an OpenAI-compatible `/v1/chat/completions` endpoint (the fine-tuned
/// model), or anything else that can answer a list of messages.
///
/// Implementations must be safe to call concurrently. Cancelling the calling task (or dropping
/// the stream's consumer) cancels the upstream request.
public protocol ChatModel: Sendable {
    /// The model id sent with every request (and recorded with every answer).
    var modelID: String { get }

    /// One whole completion (non-streaming), with retries on 408/429/5xx and connection errors.
    func complete(_ request: ChatRequest) async throws(ChatModelError) -> ChatCompletion

    /// A streamed completion: `.delta` events as text arrives, then exactly one `.finished` with
    /// the whole completion. The stream throws ``ChatModelError`` on failure. Retries happen only
    /// before the first delta has been delivered.
    func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error>

    /// Whether the endpoint answers at all (a cheap probe such as `GET /v1/models`), within `timeout`.
    func isReachable(timeout: Duration) async -> Bool
}
