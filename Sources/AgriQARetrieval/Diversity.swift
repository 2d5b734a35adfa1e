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
            let opening = String(hit.text.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(160))
            guard !seenOpenings.contains(opening) else { continue }
            if selected.contains(where: { (cosine($0.chunkID, hit.chunkID) ?? 0) > duplicateCosine }) { continue }
            seenOpenings.insert(opening)
            perDocumentCount[hit.documentID, default: 0] += 1
            selected.append(hit)
        }
        return selected
    }
}
