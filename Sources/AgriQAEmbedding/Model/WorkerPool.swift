import Dispatch

/// Runs the parts of one forward-pass step on several cores at once.
///
/// The encoder parallelizes by itself (rows of the token matrix, or attention heads) and
/// calls OpenBLAS single-threaded from each worker: OpenBLAS's own threads spin between calls,
/// which starves any other work on a small machine, and its per-call threading is inefficient
/// for the many small attention products.
struct WorkerPool: Sendable {
    let workers: Int

    init(workers: Int) { self.workers = max(1, workers) }

    /// Calls `body(part)` for every `part` in `0..<parts`, concurrently when `parts > 1`, and
    /// returns when all have finished.
    func run(parts: Int, _ body: (Int) -> Void) {
        guard parts > 1 else {
            if parts == 1 { body(0) }
            return
        }
        // The encoder's bodies capture raw pointers and each part writes only its own rows
        // (or its own scratch buffer), so parts never write the same memory; concurrentPerform
        // returns only after every part has finished, so nothing escapes.
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: parts) { part in body(part) }
    }

    /// `0..<count` cut into at most `workers` contiguous ranges of nearly equal size, none
    /// smaller than `minimumPerPart` unless `count` itself is.
    func split(count: Int, minimumPerPart: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let parts = max(1, min(workers, count / max(1, minimumPerPart)))
        return (0..<parts).map { (count * $0 / parts)..<(count * ($0 + 1) / parts) }
    }

    /// The indices of `costs` cut into at most `workers` contiguous ranges of nearly equal
    /// total cost.
    func split(costs: [Int]) -> [Range<Int>] {
        guard !costs.isEmpty else { return [] }
        let total = costs.reduce(0, +)
        let parts = min(workers, costs.count)
        var ranges: [Range<Int>] = []
        var start = 0, accumulated = 0
        for (index, cost) in costs.enumerated() {
            accumulated += cost
            // Close part k once it holds its share of the total.
            if ranges.count < parts - 1, accumulated * parts >= total * (ranges.count + 1) {
                ranges.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < costs.count { ranges.append(start..<costs.count) }
        return ranges
    }
}
