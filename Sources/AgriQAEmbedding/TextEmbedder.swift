/// Turns texts into fixed-size vectors for similarity search.
///
/// Two implementations exist: ``LocalSentenceEmbedder`` (a BERT-family model run in-process) and
/// ``RemoteEmbedder`` (any OpenAI-compatible `/v1/embeddings` endpoint). Vectors from different
/// embedders are not comparable, so every index records the ``descriptor`` of the embedder
/// that built it and refuses queries embedded by another one.
public protocol TextEmbedder: Sendable {
    /// Identifies the model and the shape of its vectors.
    var descriptor: EmbedderDescriptor { get }

    /// Embeds `texts`, returning one vector of `descriptor.dimension` floats per text, in the
    /// same order. Texts longer than `descriptor.maxTokens` are truncated by the model.
    func embed(_ texts: [String]) async throws -> [[Float]]
}

/// What an index must record about the embedder that built it.
///
/// Two descriptors are equal exactly when vectors made by one can be compared with vectors
/// made by the other.
public struct EmbedderDescriptor: Codable, Sendable, Hashable, CustomStringConvertible {
    /// `local:<model name>` (for example `local:all-MiniLM-L6-v2`) or
    /// `remote:<model>@<base URL>`.
    public var id: String
    /// Number of floats in every vector.
    public var dimension: Int
    /// Longest input, in model tokens, before truncation.
    public var maxTokens: Int

    public init(id: String, dimension: Int, maxTokens: Int) {
        self.id = id
        self.dimension = dimension
        self.maxTokens = maxTokens
    }

    public var description: String { "\(id) (\(dimension)-d, ≤\(maxTokens) tokens)" }
}
