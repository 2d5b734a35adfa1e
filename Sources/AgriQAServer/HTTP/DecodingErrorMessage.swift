import Foundation

/// Turns a `DecodingError` into a sentence and the dotted path of the field it concerns
/// (`history[1].role`), so a 400 says exactly what to fix.
enum DecodingErrorMessage {
    static func describe(_ error: DecodingError) -> (message: String, field: String?) {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String? {
            var text = ""
            for key in codingPath + (last.map { [$0] } ?? []) {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
            return text.isEmpty ? nil : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath, key)
            return ("missing required field '\(field ?? key.stringValue)'", field)
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return ("field '\(field ?? "(body)")' has the wrong type: expected \(typeName(type))", field)
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return ("field '\(field ?? "(body)")' is null: expected \(typeName(type))", field)
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if field == nil {
                return ("the body is not valid JSON: \(context.debugDescription)", nil)
            }
            return ("field '\(field ?? "")' is invalid: \(context.debugDescription)", field)
        @unknown default:
            return ("the body could not be decoded", nil)
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return name
        }
    }
}
