/// Keeps result lists useful: at most `perDocument` chunks of one document, and a chunk whose text
/// repeats one already taken (same normalized opening) is dropped as a near-duplicate.
enum Diversity {
    static func select(_ ranked: [SearchHit], k: Int, perDocument: Int) -> [SearchHit] {
        var perDocumentCount: [Int64: Int] = [:]
        var seenOpenings: Set<String> = []
        var selected: [SearchHit] = []
        for hit in ranked where selected.count < k {
            guard perDocumentCount[hit.documentID, default: 0] < perDocument else { continue }
            let opening = String(hit.text.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(160))
            guard seenOpenings.insert(opening).inserted else { continue }
            perDocumentCount[hit.documentID, default: 0] += 1
            selected.append(hit)
        }
        return selected
    }
}
