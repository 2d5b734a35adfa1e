import Foundation

/// Writes small but valid PDFs (Helvetica text, one or more lines per page) for tests that need
/// unusual shapes: thousands of pages, or bytes to corrupt.
public enum MinimalPDF {
    /// One page with side-by-side columns of lines (x = 72, 320, …), each line at the same heights.
    public static func make(columns: [[String]]) -> Data {
        var stream = "BT /F1 11 Tf\n"
        for (column, lines) in columns.enumerated() {
            for (row, line) in lines.enumerated() {
                stream += "1 0 0 1 \(72 + column * 248) \(720 - row * 14) Tm (\(escape(line))) Tj\n"
            }
        }
        stream += "ET"
        return make(streams: [stream])
    }

    public static func make(pages: [[String]]) -> Data {
        make(streams: pages.map { lines in
            var stream = "BT /F1 11 Tf 14 TL 72 720 Td\n"
            for line in lines { stream += "(\(escape(line))) Tj T*\n" }
            return stream + "ET"
        })
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
            .replacingOccurrences(of: ")", with: "\\)")
    }

    private static func make(streams: [String]) -> Data {
        let pages = streams
        var objects: [String] = []
        // 1: catalog, 2: pages, 3: font, then per page: page object and content stream.
        let pageObjectNumbers = pages.indices.map { 4 + $0 * 2 }
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(pageObjectNumbers.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for (index, stream) in pages.enumerated() {
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + index * 2) 0 R >>")
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        var output = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { output += String(format: "%010d 00000 n \n", offset) }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(output.utf8)
    }
}
