import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Formats server-sent events (`event: name\ndata: json\n\n`). Multi-line data is split into several
/// `data:` lines as the SSE spec requires, so a payload can never end an event early.
enum ServerSentEvent {
    static func encode(event: String?, data: String) -> ByteBuffer {
        var text = ""
        if let event { text += "event: \(event)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        text += "\n"
        return ByteBuffer(string: text)
    }

    static func encode<T: Encodable>(event: String?, json value: T) throws -> ByteBuffer {
        let data = try JSONResponse.encoder.encode(value)
        return encode(event: event, data: String(decoding: data, as: UTF8.self))
    }

    /// The response headers of an event stream (no buffering by proxies).
    static var headers: HTTPFields {
        [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache", HTTPField.Name("X-Accel-Buffering")!: "no"]
    }

    /// Whether the client asked for an event stream.
    static func wanted(by request: Request) -> Bool {
        request.headers[.accept]?.lowercased().contains("text/event-stream") ?? false
    }
}
