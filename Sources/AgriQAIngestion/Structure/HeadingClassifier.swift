import Foundation

/// Decides which lines are headings, and at which level, from font size and weight relative to the
/// document's body text.
struct HeadingClassifier {
    /// The font size that carries most of the document's characters.
    let bodySize: Double
    /// Distinct heading styles, most prominent first; a style's index + 1 is its level.
    private let styles: [Style]

    struct Style: Hashable {
        var size: Double
        var bold: Bool
    }

    init(lines: [PageLine]) {
        var weights: [Double: Int] = [:]
        for line in lines { weights[Self.rounded(line.fontSize), default: 0] += line.text.count }
        let body = weights.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 0
        bodySize = body
        var found: Set<Style> = []
        for line in lines where Self.looksLikeHeading(line, bodySize: body) {
            found.insert(Style(size: Self.rounded(line.fontSize), bold: line.isBold))
        }
        styles = found.sorted { ($0.size, $0.bold ? 1 : 0) > ($1.size, $1.bold ? 1 : 0) }
    }

    func level(of line: PageLine) -> Int? {
        guard Self.looksLikeHeading(line, bodySize: bodySize) else { return nil }
        let style = Style(size: Self.rounded(line.fontSize), bold: line.isBold)
        guard let index = styles.firstIndex(of: style) else { return nil }
        return min(index + 1, 6)
    }

    static func rounded(_ size: Double) -> Double { (size * 2).rounded() / 2 }

    static func looksLikeHeading(_ line: PageLine, bodySize: Double) -> Bool {
        let text = line.text.trimmingCharacters(in: .whitespaces)
        guard bodySize > 0, text.count >= 2, text.count <= 160, text.contains(where: \.isLetter) else { return false }
        let size = rounded(line.fontSize)
        if size >= bodySize + 1.5 { return true }
        // Same-size bold lines are headings when short and not a sentence.
        guard line.isBold, size >= bodySize - 0.5 else { return false }
        let words = text.split(separator: " ").count
        return words <= 14 && !text.hasSuffix(".") && !text.hasSuffix(",") && !text.hasSuffix(":")
            || (words <= 8 && text.hasSuffix(":"))
    }
}
