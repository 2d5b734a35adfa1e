import Foundation

/// Inline SVG charts for the HTML report: no scripts, fonts or files from elsewhere.
enum SVGCharts {
    struct Bar {
        var name: String
        var value: Double
        var lower: Double
        var upper: Double
        var count: Int
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Horizontal accuracy bars (0–100 %) with 95 % interval whiskers, a dashed chance line and a
    /// solid pass-mark line.
    static func accuracyBars(_ bars: [Bar], chance: Double?, passMark: Double?) -> String {
        let labelWidth = 190.0, plotWidth = 460.0, rowHeight = 26.0, top = 24.0
        let width = labelWidth + plotWidth + 120
        let height = top + rowHeight * Double(bars.count) + 26
        func x(_ fraction: Double) -> Double { labelWidth + plotWidth * min(1, max(0, fraction)) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"\(number(width))\" height=\"\(number(height))\" role=\"img\">"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += "<line x1=\"\(number(x(tick)))\" y1=\"\(number(top - 6))\" x2=\"\(number(x(tick)))\" y2=\"\(number(height - 20))\" class=\"grid\"/>"
            svg += "<text x=\"\(number(x(tick)))\" y=\"\(number(height - 6))\" text-anchor=\"middle\" class=\"tick\">\(Int(tick * 100))%</text>"
        }
        for (offset, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(offset)
            let name = ReportFormatting.html(ReportFormatting.shortened(bar.name, 28))
            svg += "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(y + 15))\" text-anchor=\"end\" class=\"label\">\(name)</text>"
            svg += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 4))\" width=\"\(number(x(bar.value) - labelWidth))\" height=\"14\" class=\"bar\"><title>\(name): \(ReportFormatting.percent(bar.value)) of \(bar.count)</title></rect>"
            svg += "<line x1=\"\(number(x(bar.lower)))\" y1=\"\(number(y + 11))\" x2=\"\(number(x(bar.upper)))\" y2=\"\(number(y + 11))\" class=\"whisker\"/>"
            for end in [bar.lower, bar.upper] {
                svg += "<line x1=\"\(number(x(end)))\" y1=\"\(number(y + 6))\" x2=\"\(number(x(end)))\" y2=\"\(number(y + 16))\" class=\"whisker\"/>"
            }
            svg += "<text x=\"\(number(labelWidth + plotWidth + 8))\" y=\"\(number(y + 15))\" class=\"value\">\(ReportFormatting.percent(bar.value, digits: 0)) (n=\(bar.count))</text>"
        }
        if let chance, chance > 0 {
            svg += "<line x1=\"\(number(x(chance)))\" y1=\"\(number(top - 10))\" x2=\"\(number(x(chance)))\" y2=\"\(number(height - 20))\" class=\"chance\"/>"
            svg += "<text x=\"\(number(x(chance)))\" y=\"\(number(top - 12))\" text-anchor=\"middle\" class=\"tick\">chance</text>"
        }
        if let passMark {
            svg += "<line x1=\"\(number(x(passMark / 100)))\" y1=\"\(number(top - 10))\" x2=\"\(number(x(passMark / 100)))\" y2=\"\(number(height - 20))\" class=\"pass\"/>"
            svg += "<text x=\"\(number(x(passMark / 100)))\" y=\"\(number(top - 12))\" text-anchor=\"middle\" class=\"tick\">pass mark</text>"
        }
        return svg + "</svg>"
    }

    /// One stacked bar of outcomes with a legend.
    static func outcomes(_ parts: [(name: String, count: Int, style: String)]) -> String {
        let total = max(1, parts.reduce(0) { $0 + $1.count })
        let width = 720.0, barWidth = 700.0
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) 64\" width=\"\(number(width))\" height=\"64\" role=\"img\">"
        var x = 10.0
        var legendX = 10.0
        for part in parts {
            let w = barWidth * Double(part.count) / Double(total)
            if part.count > 0 {
                svg += "<rect x=\"\(number(x))\" y=\"4\" width=\"\(number(w))\" height=\"24\" class=\"\(part.style)\"><title>\(part.name): \(part.count)</title></rect>"
            }
            x += w
            svg += "<rect x=\"\(number(legendX))\" y=\"42\" width=\"12\" height=\"12\" class=\"\(part.style)\"/>"
            svg += "<text x=\"\(number(legendX + 16))\" y=\"52\" class=\"label\">\(part.name) \(part.count)</text>"
            legendX += 170
        }
        return svg + "</svg>"
    }

    /// A histogram of `values` (seconds) in up to 12 equal bins.
    static func histogram(_ values: [Double], unit: String) -> String {
        guard let maximum = values.max(), maximum > 0 else { return "" }
        let bins = min(12, max(3, values.count / 3))
        let binWidth = maximum / Double(bins)
        var counts = [Int](repeating: 0, count: bins)
        for value in values { counts[min(bins - 1, Int(value / binWidth))] += 1 }
        let tallest = Double(counts.max() ?? 1)
        let width = 720.0, height = 180.0, left = 40.0, bottom = 150.0, plotHeight = 130.0
        let columnWidth = (width - left - 10) / Double(bins)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"\(number(width))\" height=\"\(number(height))\" role=\"img\">"
        for (offset, count) in counts.enumerated() {
            let h = plotHeight * Double(count) / tallest
            let x = left + columnWidth * Double(offset)
            svg += "<rect x=\"\(number(x + 1))\" y=\"\(number(bottom - h))\" width=\"\(number(columnWidth - 2))\" height=\"\(number(h))\" class=\"bar\"><title>\(String(format: "%.2f–%.2f", binWidth * Double(offset), binWidth * Double(offset + 1))) \(unit): \(count)</title></rect>"
        }
        svg += "<line x1=\"\(number(left))\" y1=\"\(number(bottom))\" x2=\"\(number(width - 10))\" y2=\"\(number(bottom))\" class=\"grid\"/>"
        svg += "<text x=\"\(number(left))\" y=\"\(number(bottom + 16))\" class=\"tick\">0</text>"
        svg += "<text x=\"\(number(width - 10))\" y=\"\(number(bottom + 16))\" text-anchor=\"end\" class=\"tick\">\(String(format: "%.2f", maximum)) \(unit)</text>"
        svg += "<text x=\"\(number(left - 6))\" y=\"\(number(bottom - plotHeight + 10))\" text-anchor=\"end\" class=\"tick\">\(Int(tallest))</text>"
        return svg + "</svg>"
    }
}
