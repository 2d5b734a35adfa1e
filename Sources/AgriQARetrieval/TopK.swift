/// Indices of the `k` largest values, largest first (ties: lower index first), in O(n log k).
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
