import Foundation

/// JSON Lines and pretty JSON with the project's conventions (sorted keys, ISO dates, no escaped slashes).
public enum JSONLines {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// One compact JSON object per line, each line ending in a newline.
    public static func encode<T: Encodable>(_ values: [T]) -> String {
        let encoder = encoder(pretty: false)
        // Encoding these plain value types cannot fail.
        return values.map { (try? encoder.encode($0)).map { String(decoding: $0, as: UTF8.self) } ?? "{}" }
            .map { $0 + "\n" }.joined()
    }

    public static func pretty<T: Encodable>(_ value: T) -> String {
        (try? encoder(pretty: true).encode(value)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }

    /// Decodes every non-empty line of `path` as `T`; a bad line is an error naming its number.
    public static func read<T: Decodable>(_ type: T.Type, path: String) throws(SynthesisError) -> [T] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .input(path: path, reason: "the file cannot be read; check the path")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var values: [T] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            do {
                values.append(try decoder.decode(T.self, from: Data(trimmed.utf8)))
            } catch {
                throw .input(path: path, reason: "line \(number + 1) is not a valid record (\(error))")
            }
        }
        return values
    }
}
