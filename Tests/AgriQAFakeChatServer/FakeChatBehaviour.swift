/// What the fake server does with one `POST /v1/chat/completions` request.
///
/// Unless a case says otherwise, behaviours follow the request's `stream` flag: a streamed
/// request gets Server-Sent Events in OpenAI's chunk shape (a first `role` chunk with
/// `"content": null` as llama-server sends it, one chunk per piece, a chunk with
/// `finish_reason`, a usage-only chunk with `"choices": []` when `stream_options.include_usage`
/// was asked, then `data: [DONE]`); a plain request gets one JSON completion.
public enum FakeChatBehaviour: Sendable {
    /// Answer `text`. Streamed, it is cut into words (each with its leading space) sent at once.
    case reply(String, finishReason: String = "stop")

    /// Send `pieces` with `delay` before each piece after the first: a slow model. A plain
    /// request gets the joined text after the same total delay.
    case stream([String], delay: Duration = .zero, finishReason: String = "stop")

    /// Answer HTTP `code` with `body` (default: an OpenAI-style `{"error": {…}}`), and a
    /// `Retry-After: <seconds>` header when `retryAfter` is set.
    case status(Int, body: String? = nil, retryAfter: Int? = nil)

    /// Read the request and never answer, until the client goes away or the server stops.
    case hang

    /// Status 200 with a body that is not JSON: a truncated JSON completion, or, streamed, a
    /// `data:` event whose JSON is cut off after the role chunk.
    case malformedJSON

    /// Status 200 `text/event-stream` whose body is not Server-Sent Events: JSON lines without
    /// `data:` (what Ollama's native API streams), and no `[DONE]`. A plain request gets the same
    /// body labelled `application/json`.
    case malformedSSE

    /// Stream the first `count` of `pieces`, then drop the connection: no `finish_reason`, no
    /// `[DONE]`, no terminating chunk.
    case cutStream([String], after: Int)

    /// Stream the first `count` of `pieces`, then send nothing more while keeping the connection
    /// open, until the client goes away or the server stops: a model that stalls mid-answer.
    case stallStream([String], after: Int)

    /// Stream `pieces`, then an `{"error": {"code": status, "message": …}}` object inside the
    /// stream (as vLLM and OpenAI report failures after the headers went out), then `[DONE]`.
    case streamError([String], status: Int, message: String)

    /// Wait `delay` before doing `behaviour` (time to first byte).
    indirect case delayed(Duration, FakeChatBehaviour)
}
