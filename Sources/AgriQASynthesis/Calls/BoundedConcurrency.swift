/// Runs `body` over `items` with at most `limit` running at once; results in input order.
///
/// Model calls are network-bound, so a handful in flight keeps an endpoint busy without
/// overwhelming it; `limit` is the `--concurrency` flag.
func boundedMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async -> Result
) async -> [Result] {
    guard !items.isEmpty else { return [] }
    return await withTaskGroup(of: (Int, Result).self) { group in
        var results = [Result?](repeating: nil, count: items.count)
        var next = 0
        for _ in 0..<min(max(1, limit), items.count) {
            let index = next
            group.addTask { (index, await body(items[index])) }
            next += 1
        }
        while let (index, result) = await group.next() {
            results[index] = result
            if next < items.count, !Task.isCancelled {
                let index = next
                group.addTask { (index, await body(items[index])) }
                next += 1
            }
        }
        return results.compactMap { $0 }
    }
}
