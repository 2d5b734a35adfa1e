/// Puts a page's line segments in reading order with a recursive XY-cut: split at a column gutter
/// (a vertical strip no text crosses) when both sides look like text columns, else at the widest
/// horizontal gap; rows that cannot be cut are read top to bottom, left to right.
///
/// Poppler's own order is right for most pages, but joins lines of two columns that share a baseline;
/// after those are split into segments, this restores column-by-column order. Table cells (narrow
/// segments) are read row by row because narrow strips do not qualify as columns.
enum ReadingOrder {
    /// Gutters narrower than this (points) are word or cell spacing, not columns.
    static let minimumGutter = 7.0
    /// Mean segment width (points) a side needs to count as a text column rather than table cells.
    static let minimumColumnWidth = 110.0

    static func arrange(_ lines: [PageLine]) -> [PageLine] {
        guard lines.count > 1, lines.allSatisfy({ $0.box.width > 0 }) else { return lines }
        return cut(lines)
    }

    private static func cut(_ lines: [PageLine]) -> [PageLine] {
        guard lines.count > 1 else { return lines }
        if let gutter = widestGap(lines.map { ($0.box.minX, $0.box.maxX) }), gutter.width >= minimumGutter {
            let left = lines.filter { $0.box.maxX <= gutter.start }
            let right = lines.filter { $0.box.maxX > gutter.start }
            if left.count >= 2, right.count >= 2, meanWidth(left) >= minimumColumnWidth,
                meanWidth(right) >= minimumColumnWidth
            {
                return cut(left) + cut(right)
            }
        }
        if let gap = widestGap(lines.map { ($0.box.minY, $0.box.maxY) }), gap.width > 0 {
            let top = lines.filter { $0.box.maxY <= gap.start }
            let bottom = lines.filter { $0.box.maxY > gap.start }
            if !top.isEmpty, !bottom.isEmpty { return cut(top) + cut(bottom) }
        }
        return lines.sorted { a, b in
            let overlap = min(a.box.maxY, b.box.maxY) - max(a.box.minY, b.box.minY)
            if overlap > min(a.box.height, b.box.height) * 0.5 { return a.box.minX < b.box.minX }
            return a.box.minY < b.box.minY
        }
    }

    private static func meanWidth(_ lines: [PageLine]) -> Double {
        lines.reduce(0) { $0 + $1.box.width } / Double(lines.count)
    }

    /// The widest interval between the covered intervals' union, strictly inside their extent.
    private static func widestGap(_ intervals: [(Double, Double)]) -> (start: Double, width: Double)? {
        let sorted = intervals.sorted { $0.0 < $1.0 }
        guard var reach = sorted.first?.1 else { return nil }
        var best: (start: Double, width: Double)?
        for interval in sorted.dropFirst() {
            if interval.0 > reach {
                let width = interval.0 - reach
                if best == nil || width > best?.width ?? 0 { best = (reach, width) }
            }
            reach = max(reach, interval.1)
        }
        return best
    }
}
