import Foundation
import Hummingbird
import NIOCore

/// Reads a JSON request body with a size limit and decodes it, answering 413 for an oversized body,
/// 415 for a non-JSON content type and 400 naming the field for anything malformed.
enum JSONBody {
    /// How deep JSON may nest before it is refused (Foundation's parser recurses).
    static let maxDepth = 64

    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        if let contentType = request.headers[.contentType], !contentType.isEmpty {
            let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard mediaType == "application/json" || mediaType.hasSuffix("+json") else {
                throw APIError.unsupportedMediaType("send the body as application/json (got \(contentType))")
            }
        }
        let data = try await collect(request, limit: limit)
        guard !data.isEmpty else { throw APIError.badRequest("the request body is empty: send a JSON object") }
        guard nestingDepth(of: data) <= maxDepth else {
            throw APIError.badRequest("the JSON body nests deeper than \(maxDepth) levels")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            let (message, field) = DecodingErrorMessage.describe(error)
            throw APIError.badRequest(message, field: field, code: "invalid_body")
        }
    }

    /// The body's bytes, refusing more than `limit` (413) without reading them all.
    static func collect(_ request: Request, limit: Int) async throws -> Data {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.payloadTooLarge(limit: limit)
        }
        var buffer = ByteBuffer()
        for try await part in request.body {
            guard buffer.readableBytes + part.readableBytes <= limit else { throw APIError.payloadTooLarge(limit: limit) }
            var part = part
            buffer.writeBuffer(&part)
        }
        return Data(buffer.readableBytesView)
    }

    /// The deepest nesting of arrays/objects, ignoring brackets inside strings.
    static func nestingDepth(of data: Data) -> Int {
        var depth = 0, deepest = 0, inString = false, escaped = false
        for byte in data {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}

/// Encodes a value as a JSON response.
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
