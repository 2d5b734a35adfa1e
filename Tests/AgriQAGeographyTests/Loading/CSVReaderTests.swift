import Testing

@testable import AgriQAGeography

@Suite("CSV reader")
struct CSVReaderTests {
    private func rows(_ text: String, delimiter: UInt8? = nil) -> [[String]] {
        CSVReader(bytes: Array(text.utf8), delimiter: delimiter).rows.map(\.fields)
    }

    @Test("quoted fields with delimiters, doubled quotes and line breaks inside")
    func quoting() throws {
        let parsed = rows("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n")
        #expect(parsed == [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", "z"]])
    }

    @Test("byte-order mark, CRLF line ends, blank lines and a missing final newline")
    func lineEnds() throws {
        let parsed = rows("\u{FEFF}code,name\r\nUS,United States\r\n\r\nKE,Kenya")
        #expect(parsed == [["code", "name"], ["US", "United States"], ["KE", "Kenya"]])
    }

    @Test("line numbers account for line breaks inside quotes")
    func lineNumbers() throws {
        let reader = CSVReader(bytes: Array("h1,h2\n\"a\nb\",c\nd,e\n".utf8))
        #expect(reader.rows.map(\.line) == [1, 2, 4])
    }

    @Test("tab and semicolon delimiters are detected from the header")
    func delimiters() throws {
        #expect(rows("USPS\tGEOID\tNAME\nWA\t53075\tWhitman County\n")[1] == ["WA", "53075", "Whitman County"])
        #expect(rows("a;b\n1;2\n")[1] == ["1", "2"])
    }

    @Test("Latin-1 files are decoded")
    func latin1() throws {
        let bytes: [UInt8] = Array("nome\nGoi".utf8) + [0xE1] + Array("s\n".utf8)  // "Goiás" in Latin-1
        #expect(CSVReader(bytes: bytes).rows[1].fields == ["Goiás"])
    }
}
