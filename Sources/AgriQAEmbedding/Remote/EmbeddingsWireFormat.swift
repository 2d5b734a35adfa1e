import Foundation

/// The OpenAI `/v1/embeddings` request and response bodies.
enum EmbeddingsWireFormat {
    struct Request: Encodable {
        var model: String
        var input: [String]
        var encodingFormat: String
        var dimensions: Int?

        enum CodingKeys: String, CodingKey {
            case model, input, dimensions
            case encodingFormat = "encoding_format"
        }
    }

    struct Response: Decodable {
        struct Item: Decodable {
            var index: Int?
            var embedding: Vector
        }

        var data: [Item]
    }

    /// An embedding as a JSON array of numbers or as base64 of little-endian float32s.
    enum Vector: Decodable {
        case floats([Float])
        case base64(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .base64(text)
            } else {
                self = .floats(try container.decode([Float].self))
            }
        }

        /// The floats, or `nil` when the base64 text is invalid or not a whole number of floats.
        func decoded() -> [Float]? {
            switch self {
            case let .floats(values):
                return values
            case let .base64(text):
                guard let bytes = Data(base64Encoded: text), bytes.count % 4 == 0 else { return nil }
                return bytes.withUnsafeBytes { raw in
                    (0..<(bytes.count / 4)).map {
                        Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
                    }
                }
            }
        }
    }

    /// Vectors in input order, validated: one per input, indices a permutation of
    /// `0..<expected`, every vector `dimension` long (when given) and finite.
    static func vectors(
        from body: Data, expected: Int, dimension: Int?, url: String
    ) throws(RemoteEmbedderError) -> [[Float]] {
        let response: Response
        do { response = try JSONDecoder().decode(Response.self, from: body) } catch {
            throw .malformedResponse(url: url, detail: describe(error), body: snippet(body))
        }
        guard response.data.count == expected else {
            throw .wrongCount(url: url, expected: expected, received: response.data.count)
        }
        var ordered = [[Float]?](repeating: nil, count: expected)
        for (position, item) in response.data.enumerated() {
            let index = item.index ?? position
            guard ordered.indices.contains(index), ordered[index] == nil else {
                throw .wrongCount(url: url, expected: expected, received: response.data.count)
            }
            guard let vector = item.embedding.decoded() else {
                throw .malformedResponse(url: url, detail: "embedding \(index) is not valid base64 float32 data",
                                         body: snippet(body))
            }
            guard !vector.isEmpty, vector.allSatisfy(\.isFinite) else {
                throw .malformedResponse(url: url, detail: "embedding \(index) is empty or not finite", body: snippet(body))
            }
            if let dimension, vector.count != dimension {
                throw .dimensionMismatch(url: url, expected: dimension, received: vector.count)
            }
            ordered[index] = vector
        }
        let vectors = ordered.compactMap { $0 }
        if let first = vectors.first?.count, let other = vectors.first(where: { $0.count != first }) {
            throw .dimensionMismatch(url: url, expected: first, received: other.count)
        }
        return vectors
    }

    /// The start of a response body, for error messages.
    static func snippet(_ body: Data, limit: Int = 300) -> String {
        let text = String(decoding: body.prefix(limit), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ")
            .trimmingCharacters(in: .whitespaces)
        return body.count > limit ? text + "…" : text
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, _): "no \"\(key.stringValue)\" field"
        case let DecodingError.typeMismatch(_, context): context.debugDescription
        case let DecodingError.valueNotFound(_, context): context.debugDescription
        case let DecodingError.dataCorrupted(context): context.debugDescription
        default: "unreadable JSON"
        }
    }
}
