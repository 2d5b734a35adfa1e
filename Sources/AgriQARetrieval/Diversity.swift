/// Keeps result lists useful: at most `perDocument` chunks of one document, and a chunk that repeats
/// one already taken — same normalized opening, or embedding cosine above `duplicateCosine` — is
/// dropped as a near-duplicate (the same advice copied into two bulletins, say).
enum Diversity {
    static let duplicateCosine: Float = 0.97

    static func select(
        _ ranked: [SearchHit], k: Int, perDocument: Int, cosine: (Int64, Int64) -> Float? = { _, _ in nil }
    ) -> [SearchHit] {
        var perDocumentCount: [Int64: Int] = [:]
        var seenOpenings: Set<String> = []
        var selected: [SearchHit] = []
        for hit in ranked where selected.count < k {
            guard perDocumentCount[hit.documentID, default: 0] < perDocument else { continue }
            let opening = Self.opening(hit.text)
            guard !seenOpenings.contains(opening) else { continue }
            if selected.contains(where: { (cosine($0.chunkID, hit.chunkID) ?? 0) > duplicateCosine }) { continue }
            seenOpenings.insert(opening)
            perDocumentCount[hit.documentID, default: 0] += 1
            selected.append(hit)
        }
        return selected
    }

    /// The first 160 letters and digits of `text`, lower-cased: two chunks with the same opening are
    /// the same advice. ASCII texts are read byte by byte (the same result, without `Character` work).
    static func opening(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return String(text.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(160))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(160)
        for byte in text.utf8 where ASCIIText.isAlphanumeric(byte) {
            bytes.append(ASCIIText.lower(byte))
            if bytes.count == 160 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
