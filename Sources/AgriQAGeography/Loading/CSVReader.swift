/// A small RFC 4180 reader for gazetteer files: quoted fields with doubled quotes, delimiters and
/// line breaks inside quotes, CRLF or LF line ends, a UTF-8 byte-order mark, and Latin-1/Windows
/// files (decoded as Latin-1 when the bytes are not valid UTF-8). Also reads Q&A record tables.
public struct CSVReader: Sendable {
    public struct Row: Sendable {
        /// 1-based line number where the row starts (for error messages).
        public var line: Int
        public var fields: [String]
    }

    public let rows: [Row]
    public let delimiter: UInt8

    /// Parses `bytes`; the delimiter (comma, tab or semicolon) is detected from the first line
    /// unless given.
    public init(bytes input: [UInt8], delimiter: UInt8? = nil) {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if String(validating: bytes, as: UTF8.self) == nil {
            bytes = Self.latin1ToUTF8(bytes)
        }
        let chosen = delimiter ?? Self.detectDelimiter(bytes)
        self.delimiter = chosen
        self.rows = Self.parse(bytes, delimiter: chosen)
    }

    private static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x09: 0, 0x3B: 0]
        var inQuotes = false
        for byte in bytes {
            if byte == 0x22 { inQuotes.toggle() }
            if !inQuotes && (byte == 0x0A || byte == 0x0D) { break }
            if !inQuotes, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let tabs = counts[0x09] ?? 0, commas = counts[0x2C] ?? 0, semicolons = counts[0x3B] ?? 0
        if tabs > commas && tabs >= semicolons { return 0x09 }
        if semicolons > commas { return 0x3B }
        return 0x2C
    }

    private static func parse(_ bytes: [UInt8], delimiter: UInt8) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var index = 0
        var rowHasContent = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRow() {
            endField()
            if rowHasContent || fields.count > 1 || !(fields.first ?? "").isEmpty {
                rows.append(Row(line: rowStart, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
            rowHasContent = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < bytes.count && bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case 0x22 where field.isEmpty:
                inQuotes = true
                rowHasContent = true
            case delimiter:
                endField()
                rowHasContent = true
            case 0x0D:
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                endRow()
                line += 1
                rowStart = line
            case 0x0A:
                endRow()
                line += 1
                rowStart = line
            default:
                field.append(byte)
            }
            index += 1
        }
        if !field.isEmpty || !fields.isEmpty || rowHasContent { endRow() }
        return rows
    }

    private static func latin1ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                result.append(byte)
            } else {
                result.append(0xC0 | (byte >> 6))
                result.append(0x80 | (byte & 0x3F))
            }
        }
        return result
    }
}
