/// Scaling vectors to unit Euclidean length, so that a dot product is the cosine similarity.
public enum L2Normalization {
    /// `vector / max(‖vector‖, 1e-12)`, as `torch.nn.functional.normalize` computes it (a zero
    /// vector stays zero).
    public static func normalize(_ vector: inout [Float]) {
        vector.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var squares: Float = 0
            for value in buffer { squares += value * value }
            let scale = 1 / Swift.max(squares.squareRoot(), 1e-12)
            VectorKernels.scale(base, count: buffer.count, by: scale)
        }
    }

    /// A normalized copy of `vector`.
    public static func normalized(_ vector: [Float]) -> [Float] {
        var copy = vector
        normalize(&copy)
        return copy
    }
}
