import AgriQARetrieval

/// Train/validation split by document, never by question: every example of a document lands in
/// the same split, so validation measures questions about documents the model was not tuned on.
///
/// Documents (keyed by path, so the split survives re-ingestion) are sorted, shuffled with
/// SplitMix64 seeded by `seed`, and the first round(share × documents) go to validation — at least
/// one when there are two or more documents and the share is above zero, never all of them.
public struct DocumentSplit: Sendable, Equatable {
    public enum Part: String, Sendable, Codable {
        case train, validation
    }

    public let validationDocuments: Set<String>

    public init(documents: some Collection<String>, validationShare: Double, seed: UInt64) {
        let unique = Array(Set(documents)).sorted()
        var count = Int((validationShare * Double(unique.count)).rounded())
        if validationShare > 0, unique.count >= 2 { count = max(1, count) }
        count = min(count, max(0, unique.count - 1))
        validationDocuments = Set(unique.seededShuffle(seed: seed).prefix(count))
    }

    public func part(of document: String) -> Part {
        validationDocuments.contains(document) ? .validation : .train
    }
}
