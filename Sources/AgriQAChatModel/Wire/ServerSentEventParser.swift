/// One event of a `text/event-stream` body.
public struct ServerSentEvent: Sendable, Equatable {
    /// The `event:` field; nil for the default (`message`).
    public var event: String?
    /// Every `data:` line of the event, joined with `\n`.
    public var data: String
    /// The last `id:` seen so far in the stream.
    public var id: String?

    public init(event: String? = nil, data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }
}

/// An incremental parser for Server-Sent Events (the WHATWG `text/event-stream` format): feed
/// it the body's bytes as they arrive, in chunks cut anywhere (inside a line, inside a UTF-8
/// character, between CR and LF), and it returns each event once its closing blank line has come.
///
/// Lines end in LF, CRLF or CR. Lines starting with `:` are comments (keep-alives) and are
/// ignored, as are unknown fields and `retry:`. A leading UTF-8 byte-order mark is skipped.
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    /// The previous byte was a CR: an LF right after it belongs to the same line ending.
    private var afterCR = false
    private var atStart = true
    private var dataLines: [String] = []
    private var eventName: String?
    private var lastID: String?

    public init() {}

    /// Parses `bytes` and returns the events they complete, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x0A:
                if let event = endLine() { events.append(event) }
            case 0x0D:
                afterCR = true
                if let event = endLine() { events.append(event) }
            default:
                line.append(byte)
            }
        }
        return events
    }

    /// Ends the stream. An unterminated last line is dropped (it may be cut short), but an event
    /// whose data lines all arrived whole is returned even without its closing blank line,
    /// which some servers omit after their last event.
    public mutating func finish() -> ServerSentEvent? {
        line.removeAll()
        afterCR = false
        return dispatch()
    }

    private mutating func endLine() -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if atStart {
            atStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        }
        if line.isEmpty { return dispatch() }
        if line.first == UInt8(ascii: ":") { return nil }

        let field: String, value: String
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            field = String(decoding: line[..<colon], as: UTF8.self)
            var valueStart = line.index(after: colon)
            if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
            value = String(decoding: line[valueStart...], as: UTF8.self)
        } else {
            field = String(decoding: line, as: UTF8.self)
            value = ""
        }
        switch field {
        case "data": dataLines.append(value)
        case "event": eventName = value
        case "id" where !value.contains("\0"): lastID = value
        default: break
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            dataLines.removeAll()
            eventName = nil
        }
        guard !dataLines.isEmpty else { return nil }
        let name = eventName.flatMap { $0.isEmpty ? nil : $0 }
        return ServerSentEvent(event: name, data: dataLines.joined(separator: "\n"), id: lastID)
    }
}
