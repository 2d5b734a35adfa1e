import Foundation

/// A field value of one exam record, from JSON or from a CSV cell, without Foundation's `Any`.
enum RecordValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([RecordValue])
    /// Keys in the file's order where known (CSV, nested JSON objects are sorted by key).
    case object([(key: String, value: RecordValue)])
    case null

    static func == (lhs: RecordValue, rhs: RecordValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.null, .null): return true
        default: return false
        }
    }

    /// Converts what `JSONSerialization` returns.
    init(json: Any) {
        switch json {
        case let string as String:
            self = .string(string)
        case let number as NSNumber:
            // JSONSerialization gives booleans as NSNumber too; tell them apart by the Objective-C type.
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case let array as [Any]:
            self = .array(array.map(RecordValue.init(json:)))
        case let dictionary as [String: Any]:
            self = .object(dictionary.keys.sorted(by: RecordValue.labelOrder).map { ($0, RecordValue(json: dictionary[$0] as Any)) })
        default:
            self = .null
        }
    }

    /// The value as text: strings trimmed, integral numbers without a decimal point; nil for
    /// empty strings, null, arrays and objects.
    var text: String? {
        switch self {
        case .string(let string):
            let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .bool(let value):
            return String(value)
        default:
            return nil
        }
    }

    /// An integer value (a JSON number or a string of digits).
    var integer: Int? {
        switch self {
        case .number(let number) where number == number.rounded() && abs(number) < 1e9: return Int(number)
        case .string(let string): return Int(string.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }

    /// A short name for error messages ("a number", "a list", …).
    var kindDescription: String {
        switch self {
        case .string: return "text"
        case .number: return "a number"
        case .bool: return "true/false"
        case .array: return "a list"
        case .object: return "an object"
        case .null: return "null"
        }
    }

    /// Orders group names (categories, regions, difficulty levels): numbers numerically, then
    /// text alphabetically, ignoring case.
    static func nameOrder(_ a: String, _ b: String) -> Bool {
        switch (Double(a), Double(b)) {
        case (let x?, let y?): return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            let folded = a.lowercased().compare(b.lowercased())
            return folded == .orderedSame ? a < b : folded == .orderedAscending
        }
    }

    /// Orders option labels: numbers numerically, then text alphabetically (A < B < … < AA).
    static func labelOrder(_ a: String, _ b: String) -> Bool {
        switch (Int(a), Int(b)) {
        case (let x?, let y?): return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.count != b.count ? a.count < b.count : a < b
        }
    }
}
