/// The same vectors as a `VectorMatrix`, quantized to int8 with one scale per row: a quarter of the
/// memory, scanned with integer SIMD dot products. Scores approximate the float cosines closely
/// enough for ranking (the tests check top-k agreement); used with `SearchOptions.quantized`.
///
/// The scan (``Int8DotProducts``) computes exact integer dot products, on every core for large
/// matrices (``ScanParallelism``).
public struct QuantizedVectorMatrix: Sendable {
    public let chunkIDs: [Int64]
    public let dimension: Int
    /// Row-major int8 values, each row padded to a multiple of 16.
    let values: [Int8]
    let scales: [Float]
    let stride: Int

    public init(_ matrix: VectorMatrix) {
        chunkIDs = matrix.chunkIDs
        dimension = matrix.dimension
        stride = (matrix.dimension + 15) / 16 * 16
        var values = [Int8](repeating: 0, count: matrix.count * stride)
        var scales = [Float](repeating: 0, count: matrix.count)
        for row in 0..<matrix.count {
            let start = row * matrix.dimension
            let (quantized, scale) = Self.quantize(matrix.values[start..<start + matrix.dimension])
            scales[row] = scale
            for (offset, value) in quantized.enumerated() { values[row * stride + offset] = value }
        }
        self.values = values
        self.scales = scales
    }

    public var count: Int { chunkIDs.count }

    /// Symmetric quantization: value ≈ int8 × scale, with the row's largest magnitude at ±127.
    static func quantize(_ vector: ArraySlice<Float>) -> ([Int8], Float) {
        let largest = vector.reduce(Float(0)) { max($0, abs($1)) }
        guard largest > 0 else { return (vector.map { _ in 0 }, 0) }
        let scale = largest / 127
        return (vector.map { Int8((($0 / scale).rounded()).clamped(to: -127...127)) }, scale)
    }

    public func nearest(to query: [Float], k: Int) -> [(chunkID: Int64, score: Float)] {
        guard count > 0, query.count == dimension, k > 0 else { return [] }
        let (quantizedQuery, queryScale) = Self.quantize(query[...])
        var padded = [Int8](repeating: 0, count: stride)
        for (offset, value) in quantizedQuery.enumerated() { padded[offset] = value }
        let kernel = Int8DotProducts(query: padded)
        let scores = [Float](unsafeUninitializedCapacity: count) { output, initialized in
            values.withUnsafeBufferPointer { matrix in
                scales.withUnsafeBufferPointer { scales in
                    // Each block writes only its own rows of `output`.
                    ScanParallelism.forEachBlock(rows: count, openBLAS: false) { block in
                        kernel.scan(
                            matrix.baseAddress.unsafelyUnwrapped, stride: stride, rows: block,
                            scales: scales.baseAddress.unsafelyUnwrapped, queryScale: queryScale,
                            into: output.baseAddress.unsafelyUnwrapped)
                    }
                }
            }
            initialized = count
        }
        return TopK.select(scores, k: k).map { (chunkIDs[$0], scores[$0]) }
    }
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
