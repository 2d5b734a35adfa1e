import AgriQADomain
import Foundation
import Testing

@testable import AgriQAGeography

@Suite("Built-in gazetteer (Debian iso-codes)")
struct GazetteerBuiltInTests {
    let gazetteer = Fixtures.builtIn

    @Test("holds every country and subdivision")
    func counts() throws {
        #expect(gazetteer.count > 5000)
        #expect(gazetteer.regions.filter { $0.level == .country }.count >= 249)
        let washington = try #require(gazetteer.region("US-WA"))
        #expect(washington.name == "Washington")
        #expect(washington.level == .subdivision)
        #expect(washington.parent == "US")
        #expect(gazetteer.region("BR-MT")?.name == "Mato Grosso")
        #expect(gazetteer.region("KE")?.name == "Kenya")
    }

    @Test("second-level ISO entries hang under their ISO parent")
    func parentChains() throws {
        #expect(gazetteer.ancestors(of: "US-WA") == ["US"])
        #expect(gazetteer.ancestors(of: "FR-33") == ["FR-NAQ", "FR"])  // Gironde in Nouvelle-Aquitaine
        #expect(gazetteer.ancestors(of: "US-WA/53053") == ["US-WA", "US"])  // works for unloaded codes too
        #expect(gazetteer.ancestors(of: "KE") == [])
    }

    @Test("translated names from the gettext catalogs resolve")
    func translations() throws {
        #expect(try gazetteer.resolveLocation("Sénégal").code == "SN")
        #expect(try gazetteer.resolveLocation("France").code == "FR")
        #expect(try gazetteer.resolveLocation("Brésil").code == "BR")
        #expect(try gazetteer.resolveLocation("Quênia").code == "KE")  // pt_BR
        #expect(try gazetteer.resolveLocation("Alemania").code == "DE")  // es
        let senegal = try #require(gazetteer.region("SN"))
        #expect(senegal.aliases.contains("Sénégal"))
    }

    @Test("everyday names, old Indian state names and renamed codes are known")
    func aliasesAndCodeChanges() throws {
        #expect(try gazetteer.resolveLocation("Turkey").code == "TR")
        #expect(try gazetteer.resolveLocation("USA").code == "US")
        #expect(try gazetteer.resolveLocation("Ivory Coast").code == "CI")
        #expect(try gazetteer.resolveLocation("Orissa").code == "IN-OR")
        #expect(try gazetteer.resolveLocation("Pondicherry").code == "IN-PY")
        // iso-codes 4.15 uses IN-TG for Telangana; the 2023 code IN-TS finds it too.
        #expect(gazetteer.region("IN-TS")?.code == "IN-TG")
        #expect(gazetteer.region("IN-TG")?.name.hasPrefix("Telang") == true)
        #expect(try gazetteer.resolveLocation("KEN").code == "KE")  // alpha-3
    }

    @Test("a missing iso-codes directory is a typed error that says how to install it")
    func missingISOCodes() throws {
        do {
            _ = try Gazetteer.builtIn(isoCodesDirectory: "/nonexistent/iso-codes")
            Issue.record("expected an error")
        } catch {
            #expect(error == .isoCodesMissing(directory: "/nonexistent/iso-codes"))
            #expect(error.description.contains("apt-get install iso-codes"))
        }
    }

    @Test("a missing translation catalog is skipped, not an error")
    func missingCatalogs() throws {
        let plain = try Gazetteer.builtIn(
            isoCodesDirectory: "/usr/share/iso-codes/json", localeDirectory: "/nonexistent", languages: ["fr"])
        #expect(plain.count == gazetteer.count)
        #expect(throws: LocationError.self) { try plain.resolveLocation("Brésil") }  // needs the fr catalog
        #expect(try plain.resolveLocation("Sénégal").code == "SN")  // folds to the English name anyway
    }
}
