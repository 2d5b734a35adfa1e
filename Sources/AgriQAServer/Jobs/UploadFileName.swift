import Foundation

/// Makes a client-supplied file name safe to store: only its last path component, only letters,
/// digits, '.', '-' and '_', no leading dots, at most 120 characters, and an extension that says
/// what kind of document it is. `../../etc/passwd` becomes `passwd` (then refused for its type).
enum UploadFileName {
    /// The document kinds an upload may be, by extension.
    static let allowedExtensions: Set<String> = ["pdf", "jsonl", "json", "csv", "tsv"]

    static func sanitize(_ raw: String) -> String? {
        let lastComponent = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(lastComponent.unicodeScalars.map { scalar -> Character in
            let allowed = (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))) || scalar == "." || scalar == "-" || scalar == "_"
            return allowed ? Character(scalar) : "_"
        })
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        if cleaned.count > 120 {
            let ext = (cleaned as NSString).pathExtension
            cleaned = String(cleaned.prefix(120 - ext.count - 1)) + "." + ext
        }
        let ext = (cleaned as NSString).pathExtension.lowercased()
        guard !cleaned.isEmpty, allowedExtensions.contains(ext), cleaned.count > ext.count + 1 else { return nil }
        return cleaned
    }

    /// The extension a content type implies, for uploads that name no file.
    static func fileExtension(forContentType contentType: String) -> String? {
        let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch media {
        case "application/pdf": return "pdf"
        case "application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/jsonlines": return "jsonl"
        case "application/json": return "json"
        case "text/csv": return "csv"
        case "text/tab-separated-values": return "tsv"
        default: return nil
        }
    }
}
