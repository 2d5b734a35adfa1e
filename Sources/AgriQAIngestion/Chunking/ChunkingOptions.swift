/// How documents are cut into chunks.
public struct ChunkingOptions: Sendable, Equatable, Codable {
    /// Upper bound on a chunk's estimated tokens (see `TokenEstimator`). The embedder reads 256.
    public var maxTokens: Int
    /// A chunk smaller than this is merged with the next piece of the same section when possible.
    public var minTokens: Int
    /// Trailing sentences (up to this many tokens) repeated at the start of the next chunk of a section.
    public var overlapTokens: Int

    public init(maxTokens: Int = 220, minTokens: Int = 40, overlapTokens: Int = 0) {
        self.maxTokens = max(16, maxTokens)
        self.minTokens = min(max(0, minTokens), self.maxTokens / 2)
        self.overlapTokens = min(max(0, overlapTokens), self.maxTokens / 2)
    }

    public static let `default` = ChunkingOptions()
}
