import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error answered as JSON: `{"error": {"status": 400, "code": "…", "message": "…", "field": …, "suggestions": […]}}`.
/// Every route failure goes through this type, so clients always get a body that says what to do.
public struct APIError: HTTPResponseError, Sendable {
    public struct Body: Codable, Sendable {
        public var status: Int
        public var code: String
        public var message: String
        public var field: String?
        public var suggestions: [String]?
    }

    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var field: String?
    public var suggestions: [String]?
    public var headers: HTTPFields = [:]

    struct Envelope: Encodable { var error: Body }

    public init(
        _ status: HTTPResponse.Status, code: String, message: String, field: String? = nil, suggestions: [String]? = nil
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.suggestions = suggestions
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(status: Int(status.code), code: code, message: message, field: field, suggestions: suggestions)
        let data = (try? JSONEncoder().encode(Envelope(error: body))) ?? Data("{\"error\":{}}".utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    public static func badRequest(_ message: String, field: String? = nil, code: String = "bad_request") -> APIError {
        APIError(.badRequest, code: code, message: message, field: field)
    }

    public static func notFound(_ message: String) -> APIError {
        APIError(.notFound, code: "not_found", message: message)
    }

    public static func unsupportedMediaType(_ message: String) -> APIError {
        APIError(.unsupportedMediaType, code: "unsupported_media_type", message: message)
    }

    public static func payloadTooLarge(limit: Int) -> APIError {
        APIError(
            .contentTooLarge, code: "payload_too_large",
            message: "the request body is larger than the limit of \(limit) bytes; send less or raise the server's limit")
    }

    public static func internalError(_ message: String) -> APIError {
        APIError(.internalServerError, code: "internal_error", message: message)
    }

    public static func serviceUnavailable(_ message: String) -> APIError {
        APIError(.serviceUnavailable, code: "unavailable", message: message)
    }
}
