import AgriQADomain

/// How evidence turns into tag weights (0…1). Strong, deliberate evidence (title, metadata,
/// publisher) outweighs passing mentions; mention weight grows with frequency, relative both to
/// the text's length and to the most-mentioned region. Evidence from several sources combines
/// as a noisy-OR, so two independent sources beat either alone.
enum TagWeighting {
    /// High enough that a region named in the title outranks one evidenced only by affiliations
    /// and mentions (noisy-OR of publisher 0.8 + front matter 0.6 + body is about 0.95).
    static let title = 0.98
    static let metadata = 0.8
    static let publisher = 0.8
    /// Below this a document tag is noise (one passing mention in a long text) and is dropped.
    static let minimumDocumentWeight = 0.12
    /// Inherited chunk tags are the document's weight times this.
    static let inheritedFactor = 0.8

    /// Mentions on the first pages (cover, publisher lines, affiliations).
    static func frontMatter(count: Int) -> Double {
        min(0.6, 0.45 + 0.05 * Double(max(0, count - 1)))
    }

    /// Body mentions: `count` of this region, `top` of the most mentioned region, `tokens` words
    /// in the body. 0.1 for a passing mention in a long text, up to 0.7 for the dominant region.
    static func body(count: Int, top: Int, tokens: Int) -> Double {
        guard count > 0, top > 0 else { return 0 }
        let relative = (Double(count) / Double(top)).squareRoot()
        let perThousand = Double(count) * 1000 / Double(max(tokens, 200))
        let density = perThousand / (perThousand + 1)
        return 0.1 + 0.6 * relative * density
    }

    /// Mentions inside a chunk or a record's text: 0.6 for one, growing with repetition; a
    /// qualified or institutional mention is as good as three.
    static func passage(count: Int, strong: Bool) -> Double {
        let effective = strong ? max(count, 3) : count
        return min(0.9, 0.6 + 0.1 * Double(max(0, effective - 1)))
    }

    /// Noisy-OR of independent pieces of evidence; the label is the strongest one's.
    static func combine(_ pieces: [(weight: Double, evidence: TagEvidence)]) -> (Double, TagEvidence)? {
        guard let strongest = pieces.max(by: { $0.weight < $1.weight }) else { return nil }
        var missing = 1.0
        for piece in pieces { missing *= 1 - min(1, max(0, piece.weight)) }
        return (min(1, 1 - missing), strongest.evidence)
    }
}
