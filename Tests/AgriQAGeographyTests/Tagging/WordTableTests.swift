import Testing

@testable import AgriQAGeography

@Suite("Word table")
struct WordTableTests {
    @Test("ids are stable, lookups work from byte buffers, and the table grows")
    func insertAndLookUp() throws {
        var table = WordTable(capacity: 4)
        let kenya = table.insert(Array("kenya".utf8))
        #expect(table.insert(Array("kenya".utf8)) == kenya)
        for index in 0..<5_000 { _ = table.insert(Array("word\(index)".utf8)) }
        #expect(table.count == 5_001)
        #expect(table.id(of: "kenya") == kenya)
        #expect(table.id(of: "word4999") >= 0)
        #expect(table.id(of: "narnia") == -1)
        let bytes = Array("word17".utf8)
        let id = bytes.withUnsafeBufferPointer { table.id(of: $0) }
        #expect(id == table.id(of: "word17"))
    }
}
