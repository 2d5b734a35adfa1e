/// How token vectors become one sentence vector.
public enum PoolingStrategy: String, Sendable, Codable, CaseIterable {
    /// The average of every token's final hidden state, `[CLS]` and `[SEP]` included (the
    /// attention mask's positions, as sentence-transformers computes it).
    case mean
    /// The final hidden state of the first token, `[CLS]`.
    case cls

    /// Pools the hidden states `[tokens, dimension]` of sequences packed back to back
    /// (sequence `s` occupies rows `offsets[s]..<offsets[s + 1]`) into one vector each.
    public func pool(hiddenStates: [Float], dimension: Int, offsets: [Int]) -> [[Float]] {
        let count = max(0, offsets.count - 1)
        return hiddenStates.withUnsafeBufferPointer { states in
            (0..<count).map { s in
                let start = offsets[s], length = offsets[s + 1] - offsets[s]
                guard length > 0, let base = states.baseAddress else {
                    return [Float](repeating: 0, count: dimension)
                }
                let first = base + start * dimension
                switch self {
                case .cls:
                    return Array(UnsafeBufferPointer(start: first, count: dimension))
                case .mean:
                    return [Float](unsafeUninitializedCapacity: dimension) { vector, initialized in
                        guard let out = vector.baseAddress else { return }
                        out.initialize(from: first, count: dimension)
                        for row in 1..<max(1, length) {
                            let next = first + row * dimension
                            for j in 0..<dimension { out[j] += next[j] }
                        }
                        let scale = 1 / Float(length)
                        for j in 0..<dimension { out[j] *= scale }
                        initialized = dimension
                    }
                }
            }
        }
    }
}
