import AgriQAChatModel
import Foundation

/// Reads the JSON object a model was asked for, and asks once more when the reply is not one.
///
/// Small models wrap JSON in prose or code fences; the first balanced `{…}` in the reply is
/// taken. When that fails (or the object does not validate), the model gets its reply back with
/// the error and one more chance; a second failure is returned as ``Failure`` for the caller to
/// record and skip.
struct JSONReply {
    struct Failure: Error, Sendable, Codable, Equatable {
        var error: String
        /// The last reply, cut to 500 characters.
        var reply: String
    }

    /// The first balanced JSON object in `text` (strings and escapes respected), or nil.
    static func objectText(in text: String) -> Substring? {
        var depth = 0
        var start: String.Index?
        var inString = false
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = start != nil
            } else if character == "{" {
                if depth == 0 { start = index }
                depth += 1
            } else if character == "}", depth > 0 {
                depth -= 1
                if depth == 0, let start { return text[start...index] }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// Decodes `T` from the reply and runs `validate` (which throws a message on bad content).
    static func decode<T: Decodable>(_ type: T.Type, from reply: String, validate: (T) throws -> Void) -> Result<T, Failure> {
        guard let object = objectText(in: reply) else {
            return .failure(Failure(error: "the reply holds no JSON object", reply: String(reply.prefix(500))))
        }
        do {
            let value = try JSONDecoder().decode(T.self, from: Data(object.utf8))
            try validate(value)
            return .success(value)
        } catch let error as DecodingError {
            return .failure(Failure(error: describe(error), reply: String(reply.prefix(500))))
        } catch {
            return .failure(Failure(error: "\(error)", reply: String(reply.prefix(500))))
        }
    }

    /// Calls the model with `request`; on an invalid reply, once more with the error explained.
    /// Throws only when the model call itself fails.
    static func ask<T: Decodable>(
        _ model: any ChatModel, _ request: ChatRequest, as type: T.Type, validate: (T) throws -> Void = { _ in }
    ) async throws(ChatModelError) -> (value: Result<T, Failure>, attempts: Int) {
        let first = try await model.complete(request)
        let firstResult = decode(type, from: first.content, validate: validate)
        guard case .failure(let failure) = firstResult else { return (firstResult, 1) }
        var retry = request
        retry.messages += [
            .assistant(first.content),
            .user("That reply was not valid: \(failure.error). Reply again with only the JSON object, in the format asked for."),
        ]
        let second = try await model.complete(retry)
        return (decode(type, from: second.content, validate: validate), 2)
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "the field \"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "the field \"\(path)\" has the wrong type"
        case .dataCorrupted: return "the JSON is malformed"
        @unknown default: return "the JSON does not match the format"
        }
    }
}

/// A validation message for a decoded reply.
struct InvalidReply: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
