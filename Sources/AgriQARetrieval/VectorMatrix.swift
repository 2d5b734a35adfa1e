import COpenBLAS
import Dispatch
import Foundation

/// All chunk vectors in one contiguous row-major buffer, scanned with matrix–vector products
/// (`cblas_sgemv`) per query; vectors are L2-normalized, so the product is the cosine.
///
/// Large matrices are scanned in row blocks on every core at once (``ScanParallelism``): the
/// scan is bound by memory bandwidth, which one core does not saturate.
public struct VectorMatrix: Sendable {
    public let chunkIDs: [Int64]
    public let values: [Float]
    public let dimension: Int
    private let rows: [Int64: Int]

    public init(chunkIDs: [Int64], values: [Float], dimension: Int) {
        self.chunkIDs = chunkIDs
        self.values = values
        self.dimension = dimension
        self.rows = Dictionary(chunkIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Cosine of two stored chunks' vectors, when both have one.
    public func cosine(_ a: Int64, _ b: Int64) -> Float? {
        guard let rowA = rows[a], let rowB = rows[b] else { return nil }
        return values.withUnsafeBufferPointer { buffer in
            let pointerA = buffer.baseAddress.unsafelyUnwrapped + rowA * dimension
            let pointerB = buffer.baseAddress.unsafelyUnwrapped + rowB * dimension
            var sum: Float = 0
            for offset in 0..<dimension { sum += pointerA[offset] * pointerB[offset] }
            return sum
        }
    }

    public var count: Int { chunkIDs.count }

    /// The `k` best chunks by cosine with `query`, best first.
    public func nearest(to query: [Float], k: Int) -> [(chunkID: Int64, score: Float)] {
        guard count > 0, query.count == dimension, k > 0 else { return [] }
        let scores = [Float](unsafeUninitializedCapacity: count) { output, initialized in
            values.withUnsafeBufferPointer { matrix in
                query.withUnsafeBufferPointer { vector in
                    // Each block writes only its own rows of `output` (beta = 0: every row is written).
                    ScanParallelism.forEachBlock(rows: count) { block in
                        cblas_sgemv(
                            CblasRowMajor, CblasNoTrans, Int32(block.count), Int32(dimension), 1,
                            matrix.baseAddress.unsafelyUnwrapped + block.lowerBound * dimension, Int32(dimension),
                            vector.baseAddress, 1, 0, output.baseAddress.unsafelyUnwrapped + block.lowerBound, 1)
                    }
                }
            }
            initialized = count
        }
        return TopK.select(scores, k: k).map { (chunkIDs[$0], scores[$0]) }
    }
}

/// How a vector scan is split over the cores: rows in contiguous blocks, one per core, when the
/// matrix is large enough for the split to pay (thread hand-off costs tens of microseconds).
enum ScanParallelism {
    /// Fewer rows than this per block are scanned on the calling thread alone.
    static let minimumRowsPerBlock = 8_192

    /// Block boundaries fall on multiples of this many rows, so every block but the last is whole
    /// groups of the kernels' row tiles and each row is computed exactly as in one unsplit call.
    static let rowAlignment = 64

    static func blocks(rows: Int, cores: Int = ProcessInfo.cores) -> [Range<Int>] {
        guard rows > 0 else { return [] }
        let parts = max(1, min(cores, rows / minimumRowsPerBlock))
        let groups = (rows + rowAlignment - 1) / rowAlignment
        return (0..<parts).map {
            min(rows, groups * $0 / parts * rowAlignment)..<min(rows, groups * ($0 + 1) / parts * rowAlignment)
        }
    }

    /// Runs `body` for every block, concurrently when there are several, and returns when all are done.
    /// OpenBLAS calls inside `body` are split only when OpenBLAS itself runs single-threaded
    /// (as it does once the local embedder is loaded); otherwise OpenBLAS's threads do the splitting.
    static func forEachBlock(rows: Int, openBLAS: Bool = true, _ body: (Range<Int>) -> Void) {
        let cores = openBLAS && openblas_get_num_threads() > 1 ? 1 : ProcessInfo.cores
        let parts = blocks(rows: rows, cores: cores)
        if parts.count <= 1 {
            if let only = parts.first { body(only) }
            return
        }
        // Blocks write disjoint memory and concurrentPerform returns after all have run.
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: parts.count) { body(parts[$0]) }
    }
}

extension ProcessInfo {
    fileprivate static let cores = ProcessInfo.processInfo.activeProcessorCount
}
