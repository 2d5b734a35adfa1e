import Foundation
import Testing

@testable import AgriQAGeography

@Suite("Gettext .mo catalogs")
struct GettextCatalogTests {
    /// A .mo file with the given pairs, in either byte order.
    static func moFile(_ pairs: [(String, String)], bigEndian: Bool) -> [UInt8] {
        let all = [("", "Content-Type: text/plain; charset=UTF-8\n")] + pairs
        let headerSize = 28
        let originalsTable = headerSize
        let translationsTable = originalsTable + all.count * 8
        var strings: [UInt8] = []
        var originals: [(Int, Int)] = []
        var translations: [(Int, Int)] = []
        let stringsStart = translationsTable + all.count * 8
        for (original, _) in all {
            originals.append((original.utf8.count, stringsStart + strings.count))
            strings += Array(original.utf8) + [0]
        }
        for (_, translation) in all {
            translations.append((translation.utf8.count, stringsStart + strings.count))
            strings += Array(translation.utf8) + [0]
        }
        func word(_ value: Int) -> [UInt8] {
            let v = UInt32(value)
            let little = [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
            return bigEndian ? little.reversed() : little
        }
        var bytes = word(0x9504_12de) + word(0) + word(all.count) + word(originalsTable) + word(translationsTable)
        bytes += word(0) + word(0)
        for (length, offset) in originals { bytes += word(length) + word(offset) }
        for (length, offset) in translations { bytes += word(length) + word(offset) }
        return bytes + strings
    }

    @Test("reads little- and big-endian catalogs", arguments: [false, true])
    func readsBothByteOrders(bigEndian: Bool) throws {
        let bytes = Self.moFile([("Senegal", "Sénégal"), ("Kenya", "Quênia")], bigEndian: bigEndian)
        let catalog = try GettextCatalog(bytes: bytes)
        #expect(catalog["Senegal"] == "Sénégal")
        #expect(catalog["Kenya"] == "Quênia")
        #expect(catalog[""] == nil)  // the header entry is not a translation
        #expect(catalog.translations.count == 2)
    }

    @Test("rejects files that are not catalogs, or whose tables point outside the file")
    func rejectsGarbage() throws {
        #expect(throws: GettextCatalog.ParseError.self) { try GettextCatalog(bytes: Array("not a catalog at all, really".utf8)) }
        var truncated = Self.moFile([("Senegal", "Sénégal")], bigEndian: false)
        truncated.removeLast(20)
        #expect(throws: GettextCatalog.ParseError.self) { try GettextCatalog(bytes: truncated) }
    }

    @Test("reads the installed iso-codes French catalog")
    func readsInstalledCatalog() throws {
        let catalog = try GettextCatalog(contentsOf: "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo")
        #expect(catalog["Senegal"] == "Sénégal")
        #expect(catalog["Brazil"] == "Brésil")
    }
}
