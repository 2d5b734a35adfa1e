@testable import AgriQAChatModel
import Testing

@Suite struct ServerSentEventParserTests {
    private let stream = Array(
        ": keep-alive\n\ndata: {\"a\":1}\n\nevent: ping\ndata: first\ndata: second\nid: 7\n\ndata: [DONE]\n\n".utf8)
    private let expected = [
        ServerSentEvent(data: "{\"a\":1}"),
        ServerSentEvent(event: "ping", data: "first\nsecond", id: "7"),
        ServerSentEvent(data: "[DONE]", id: "7"),
    ]

    @Test func parsesAWholeStream() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(stream) == expected)
        #expect(parser.finish() == nil)
    }

    @Test func givesTheSameEventsWhateverTheChunking() {
        for size in [1, 2, 3, 5, 7, 11, 64] {
            var parser = ServerSentEventParser()
            var events: [ServerSentEvent] = []
            for start in stride(from: 0, to: stream.count, by: size) {
                events += parser.feed(stream[start..<min(start + size, stream.count)])
            }
            #expect(events == expected, "chunks of \(size) bytes")
        }
    }

    @Test func acceptsCRLFAndBareCRLineEndings() {
        var crlf = ServerSentEventParser()
        #expect(crlf.feed(Array("data: one\r\ndata: two\r\n\r\n".utf8)) == [ServerSentEvent(data: "one\ntwo")])
        var cr = ServerSentEventParser()
        #expect(cr.feed(Array("data: one\rdata: two\r\r".utf8)) == [ServerSentEvent(data: "one\ntwo")])
    }

    @Test func aCRLFSplitBetweenChunksIsOneLineEnding() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array("data: a\r".utf8)).isEmpty)
        // Were this LF taken for a blank line, "a" would be dispatched alone here.
        #expect(parser.feed(Array("\ndata: b\r".utf8)).isEmpty)
        #expect(parser.feed(Array("\n\r\n".utf8)) == [ServerSentEvent(data: "a\nb")])
    }

    @Test func keepsMultiByteCharactersSplitAcrossChunks() {
        let bytes = Array("data: Maïs à récolter 🌽\n\n".utf8)
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        for byte in bytes { events += parser.feed([byte]) }
        #expect(events == [ServerSentEvent(data: "Maïs à récolter 🌽")])
    }

    @Test func ignoresCommentsUnknownFieldsAndRetry() {
        var parser = ServerSentEventParser()
        let events = parser.feed(Array(":comment\nretry: 100\nfoo: bar\n\ndata\n\ndata:no-space\n\n".utf8))
        // `data` alone is a data field with an empty value; a block without data dispatches nothing.
        #expect(events == [ServerSentEvent(data: ""), ServerSentEvent(data: "no-space")])
    }

    @Test func finishKeepsWholeLinesAndDropsACutOne() {
        var whole = ServerSentEventParser()
        #expect(whole.feed(Array("data: [DONE]\n".utf8)).isEmpty)
        #expect(whole.finish() == ServerSentEvent(data: "[DONE]"))

        var cut = ServerSentEventParser()
        #expect(cut.feed(Array("data: {\"choi".utf8)).isEmpty)
        #expect(cut.finish() == nil)
    }

    @Test func skipsAByteOrderMark() {
        var parser = ServerSentEventParser()
        #expect(parser.feed([0xEF, 0xBB, 0xBF] + Array("data: x\n\n".utf8)) == [ServerSentEvent(data: "x")])
    }
}
