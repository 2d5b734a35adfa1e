import Testing

@testable import AgriQAIngestion

@Suite struct CSVParserTests {
    @Test func parsesQuotedFieldsWithCommasQuotesAndNewlines() {
        let text = "\u{FEFF}a,b,c\r\n1,\"two, too\",\"say \"\"hi\"\"\"\n2,\"multi\nline\",\n"
        #expect(CSVParser().rows(text) == [["a", "b", "c"], ["1", "two, too", "say \"hi\""], ["2", "multi\nline", ""]])
    }

    @Test func parsesTabSeparated() {
        #expect(CSVParser(separator: "\t").rows("x\ty\n1\t2") == [["x", "y"], ["1", "2"]])
    }
}
