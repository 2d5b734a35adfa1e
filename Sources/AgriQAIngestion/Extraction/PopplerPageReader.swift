import CPoppler

/// Turns one poppler page into lines with boxes and typography.
///
/// `poppler_page_get_text` gives the page text in poppler's reading order (columns are read one after the
/// other); `poppler_page_get_text_layout` gives one rectangle per character of that text, and
/// `poppler_page_get_text_attributes` gives font runs over the same character offsets.
struct PopplerPageReader {
    let page: OpaquePointer
    let number: Int

    func read() -> RawPage {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        let label = PopplerDocument.take(poppler_page_get_label(page))
        let text = rawText()
        let lines = text.isEmpty ? [] : buildLines(text: text)
        // Image mapping renders the page's images through cairo, which costs as much as the text
        // extraction itself; it is only needed to tell a scanned page from a blank one.
        return RawPage(
            number: number, label: label, width: width, height: height, lines: lines,
            imageCount: lines.isEmpty ? countImages() : 0)
    }

    /// The untrimmed page text (offsets must line up with the layout rectangles).
    private func rawText() -> String {
        guard let pointer = poppler_page_get_text(page) else { return "" }
        defer { g_free(pointer) }
        return String(cString: pointer)
    }

    private func countImages() -> Int {
        guard let list = poppler_page_get_image_mapping(page) else { return 0 }
        defer { poppler_page_free_image_mapping(list) }
        return Int(g_list_length(list))
    }

    private struct FontRun {
        var start: Int
        var end: Int
        var size: Double
        var bold: Bool
    }

    private func fontRuns() -> [FontRun] {
        guard let list = poppler_page_get_text_attributes(page) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var runs: [FontRun] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let data = current.pointee.data {
                let attributes = data.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let name = attributes.font_name.map { String(cString: $0) } ?? ""
                runs.append(
                    FontRun(
                        start: Int(attributes.start_index), end: Int(attributes.end_index),
                        size: attributes.font_size, bold: Self.isBoldFont(name)))
            }
            node = current.pointee.next
        }
        return runs.sorted { $0.start < $1.start }
    }

    /// A horizontal gap wider than this many glyph heights separates two pieces of text on one line.
    static let segmentGap = 1.5

    static func isBoldFont(_ name: String) -> Bool {
        let lower = name.lowercased()
        return ["bold", "black", "heavy", "semibold", "demi", ",b"].contains { lower.contains($0) }
    }

    private func buildLines(text: String) -> [PageLine] {
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var rectangleCount: guint = 0
        let hasLayout = poppler_page_get_text_layout(page, &rectangles, &rectangleCount) != 0
        defer { g_free(rectangles) }
        let runs = fontRuns()
        let scalars = Array(text.unicodeScalars)
        let boxes: UnsafeBufferPointer<PopplerRectangle>? =
            hasLayout && Int(rectangleCount) == scalars.count
            ? rectangles.map { UnsafeBufferPointer(start: $0, count: Int(rectangleCount)) } : nil

        var lines: [PageLine] = []
        var current = String.UnicodeScalarView()
        var box: TextBox?
        var sizeWeights: [Double: Int] = [:]
        var boldCount = 0
        var glyphCount = 0
        var runIndex = 0
        var lastGlyph: TextBox?
        var sawSpace = false

        func finishLine() {
            var lineText = String(current)
            while lineText.last?.isWhitespace == true { lineText.removeLast() }
            if !lineText.allSatisfy(\.isWhitespace) {
                let size = sizeWeights.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key ?? 0
                lines.append(
                    PageLine(
                        text: lineText, box: box ?? TextBox(minX: 0, minY: 0, maxX: 0, maxY: 0),
                        fontSize: size, isBold: glyphCount > 0 && boldCount * 2 > glyphCount))
            }
            current = String.UnicodeScalarView()
            lastGlyph = nil
            sawSpace = false
            box = nil
            sizeWeights = [:]
            boldCount = 0
            glyphCount = 0
        }

        for (offset, scalar) in scalars.enumerated() {
            if scalar == "\n" {
                finishLine()
                continue
            }
            guard !scalar.properties.isWhitespace else {
                if !current.isEmpty { current.append(scalar) }
                sawSpace = true
                continue
            }
            if let boxes {
                let rect = boxes[offset]
                let charBox = TextBox(
                    minX: min(rect.x1, rect.x2), minY: min(rect.y1, rect.y2),
                    maxX: max(rect.x1, rect.x2), maxY: max(rect.y1, rect.y2))
                if let lastGlyph {
                    let gap = charBox.minX - lastGlyph.maxX
                    let height = max(charBox.height, lastGlyph.height, 1)
                    if gap > height * Self.segmentGap || gap < -height * 4 {
                        // Poppler sometimes joins text from two columns (or table cells) that share a
                        // baseline into one line: a wide gap, or a jump back to the left, splits it.
                        finishLine()
                    } else if !sawSpace, gap > height * 0.35 {
                        // Cells without a space character between them get one.
                        current.append(" ")
                    }
                }
                lastGlyph = charBox
                box = box.map { $0.union(charBox) } ?? charBox
            }
            sawSpace = false
            current.append(scalar)
            while runIndex < runs.count && runs[runIndex].end < offset { runIndex += 1 }
            if runIndex < runs.count, runs[runIndex].start <= offset {
                let run = runs[runIndex]
                sizeWeights[(run.size * 10).rounded() / 10, default: 0] += 1
                if run.bold { boldCount += 1 }
            }
            glyphCount += 1
        }
        finishLine()
        return ReadingOrder.arrange(lines)
    }
}
