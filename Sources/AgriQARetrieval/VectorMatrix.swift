import COpenBLAS

/// All chunk vectors in one contiguous row-major buffer, scanned with one matrix–vector product
/// (`cblas_sgemv`) per query; vectors are L2-normalized, so the product is the cosine.
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
        var sum: Float = 0
        let startA = rowA * dimension, startB = rowB * dimension
        for offset in 0..<dimension { sum += values[startA + offset] * values[startB + offset] }
        return sum
    }

    public var count: Int { chunkIDs.count }

    /// The `k` best chunks by cosine with `query`, best first.
    public func nearest(to query: [Float], k: Int) -> [(chunkID: Int64, score: Float)] {
        guard count > 0, query.count == dimension, k > 0 else { return [] }
        var scores = [Float](repeating: 0, count: count)
        values.withUnsafeBufferPointer { matrix in
            query.withUnsafeBufferPointer { vector in
                scores.withUnsafeMutableBufferPointer { output in
                    cblas_sgemv(
                        CblasRowMajor, CblasNoTrans, Int32(count), Int32(dimension), 1, matrix.baseAddress,
                        Int32(dimension), vector.baseAddress, 1, 0, output.baseAddress, 1)
                }
            }
        }
        return TopK.select(scores, k: k).map { (chunkIDs[$0], scores[$0]) }
    }
}

/// Indices of the `k` largest values, largest first, in O(n log k).
enum TopK {
    static func select(_ values: [Float], k: Int) -> [Int] {
        guard k > 0 else { return [] }
        // A min-heap of the best k seen so far.
        var heap: [(value: Float, index: Int)] = []
        heap.reserveCapacity(k)
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, heap[left].value < heap[smallest].value { smallest = left }
                if right < heap.count, heap[right].value < heap[smallest].value { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for (index, value) in values.enumerated() {
            if heap.count < k {
                heap.append((value, index))
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    if heap[parent].value <= heap[child].value { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            } else if let top = heap.first, value > top.value {
                heap[0] = (value, index)
                siftDown(0)
            }
        }
        return heap.sorted { $0.value > $1.value || ($0.value == $1.value && $0.index < $1.index) }.map(\.index)
    }
}
