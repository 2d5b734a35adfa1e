import AgriQAServer
import AgriQATestSupport
import Foundation
import HTTPTypes
import Hummingbird

/// Builds the AgriQA application for in-process tests and decodes JSON responses.
enum TestRequests {
    /// The server's router and middleware, for in-process requests.
    static func app(_ environment: ServerEnvironment) -> InProcessApp {
        InProcessApp(responder: AgriQAHTTPServer.router(environment).0.buildResponder())
    }

    static func json(_ object: Any) -> ByteBuffer {
        ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    static var jsonHeaders: HTTPFields { [.contentType: "application/json"] }

    static func object(_ response: TestResponse) throws -> [String: Any] {
        let data = Data(response.body.readableBytesView)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FixtureError("not a JSON object: \(String(decoding: data, as: UTF8.self).prefix(300))")
        }
        return object
    }

    static func text(_ response: TestResponse) -> String {
        String(decoding: response.body.readableBytesView, as: UTF8.self)
    }

    /// The `error` object of a JSON error response.
    static func error(_ response: TestResponse) throws -> [String: Any] {
        guard let error = try object(response)["error"] as? [String: Any] else {
            throw FixtureError("no error object in \(text(response).prefix(300))")
        }
        return error
    }

    /// Server-sent events as (event name, data) pairs.
    static func events(_ body: String) -> [(event: String, data: String)] { HTTPExchange.events(body) }

    static func decode(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw FixtureError("not a JSON object: \(text.prefix(300))")
        }
        return object
    }
}
