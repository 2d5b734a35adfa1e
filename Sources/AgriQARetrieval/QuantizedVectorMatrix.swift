import COpenBLAS

/// The same vectors as a `VectorMatrix`, quantized to int8 with one scale per row, scanned with
/// integer SIMD dot products: a quarter of the bytes to read per query, so about three times faster
/// than the float32 scan at 100,000 vectors. Used with `SearchOptions.quantized`.
///
/// The int8 scan only shortlists: its best `k + max(3k, 256)` rows are scored again exactly against
/// the float32 vectors, and the `k` best of those returned with their exact cosines. The result is
/// the float32 scan's whenever its top k lie within the int8 shortlist — int8 cosines are off by
/// about 10⁻³, far less than the gap between rank k and rank 4k (the benchmark counts the questions
/// whose top 100 differ).
///
/// The scan (``Int8DotProducts``) computes exact integer dot products, on every core for large
/// matrices (``ScanParallelism``).
public struct QuantizedVectorMatrix: Sendable {
    public let chunkIDs: [Int64]
    public let dimension: Int
    /// The float32 vectors the shortlist is rescored with (shared storage, not a copy).
    let exact: VectorMatrix
    /// Row-major int8 values, each row padded to a multiple of 16.
    let values: [Int8]
    let scales: [Float]
    let stride: Int

    public init(_ matrix: VectorMatrix) {
        chunkIDs = matrix.chunkIDs
        dimension = matrix.dimension
        exact = matrix
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

    /// The `k` best chunks by exact cosine among the int8 scan's shortlist, best first (ties: lower row).
    public func nearest(to query: [Float], k: Int) -> [(chunkID: Int64, score: Float)] {
        guard count > 0, query.count == dimension, k > 0 else { return [] }
        let shortlist = TopK.select(approximateScores(query), k: min(count, k + max(3 * k, 256)))
        let rescored = exact.values.withUnsafeBufferPointer { matrix in
            query.withUnsafeBufferPointer { vector in
                shortlist.map { row in
                    (row: row, score: cblas_sdot(
                        Int32(dimension), matrix.baseAddress.unsafelyUnwrapped + row * dimension, 1,
                        vector.baseAddress.unsafelyUnwrapped, 1))
                }
            }
        }
        return rescored.sorted { $0.score > $1.score || ($0.score == $1.score && $0.row < $1.row) }
            .prefix(k).map { (chunkIDs[$0.row], $0.score) }
    }

    /// The int8 scan alone: every row's approximate cosine.
    func approximateScores(_ query: [Float]) -> [Float] {
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
        return scores
    }
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
