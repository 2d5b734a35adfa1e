import AgriQAAnswering
import AgriQAChatModel

/// The JSON bodies the chat exchanges with `agriqa serve` (docs/server.md).
enum RemoteWire {
    /// `POST /v1/ask`.
    struct AskBody: Encodable {
        var question: String
        var location: String?
        var history: [ChatMessage]
        var k: Int
        var mode: String
        var stream: Bool
    }

    /// `{"error": {...}}`, every error the server answers.
    struct ErrorEnvelope: Decodable {
        var error: ErrorBody
    }

    /// The body of an error, also the `error` event of a stream.
    struct ErrorBody: Decodable {
        var status: Int?
        var code: String?
        var message: String?
        var suggestions: [String]?
    }

    /// The `sources` event.
    struct SourcesEvent: Decodable {
        var sources: [Citation]
    }

    /// The `delta` event.
    struct DeltaEvent: Decodable {
        var text: String
    }

    /// `GET /v1/regions/resolve` and each of `GET /v1/regions`.
    struct RegionBody: Decodable {
        var code: String
        var name: String
        var label: String?
    }

    struct RegionList: Decodable {
        var regions: [RegionBody]
    }

    /// `GET /v1/chunks/{id}`.
    struct ChunkBody: Decodable {
        var chunkID: Int64
        var title: String
        var fileName: String
        var section: String
        var pageStart: Int?
        var pageEnd: Int?
        var pageLabel: String?
        var regions: [String]
        var text: String
    }

    /// `GET /readyz`.
    struct Readiness: Decodable {
        struct Check: Decodable {
            var ok: Bool
            var detail: String
        }
        var ready: Bool
        var index: Check
        var model: Check
        var answerMode: String
    }
}
