import AgriQADomain
import Testing

@testable import AgriQAGeography

@Suite("Structured lookups for record fields")
struct GazetteerRecordLookupTests {
    let builtIn = Fixtures.builtIn
    let full = Fixtures.withLocals

    @Test("subdivisions by name in capitals, old names, and code suffix")
    func subdivisions() throws {
        #expect(builtIn.subdivision(named: "ANDHRA PRADESH", in: "IN")?.code == "IN-AP")
        #expect(builtIn.subdivision(named: "ORISSA", in: "IN")?.code == "IN-OR")
        #expect(builtIn.subdivision(named: "Uttaranchal", in: "IN")?.code == "IN-UT")
        #expect(builtIn.subdivision(named: "CHHATISGARH", in: "IN")?.code == "IN-CT")
        #expect(builtIn.subdivision(named: "AP", in: "IN")?.code == "IN-AP")
        #expect(builtIn.subdivision(named: "Tamil Nadu", in: nil)?.code == "IN-TN")
        #expect(builtIn.subdivision(named: "Punjab", in: nil) == nil)  // India or Pakistan
        #expect(builtIn.subdivision(named: "Punjab", in: "PK")?.code == "PK-PB")
        #expect(builtIn.subdivision(named: "Atlantis", in: "IN") == nil)
    }

    @Test("countries by code, alpha-3 or translated name")
    func countries() throws {
        #expect(builtIn.country(named: "India")?.code == "IN")
        #expect(builtIn.country(named: "IND")?.code == "IN")
        #expect(builtIn.country(named: "Inde")?.code == "IN")
        #expect(builtIn.country(named: "Narnia") == nil)
    }

    @Test("districts as spelled in Kisan Call Centre logs", .enabled(if: Fixtures.hasSampleGazetteers))
    func districts() throws {
        #expect(full.local(named: "KURNOOL", under: "IN-AP")?.code == "IN-AP/511")
        #expect(full.local(named: "Kurnool District", under: "IN-AP")?.code == "IN-AP/511")
        #expect(full.local(named: "NELLORE", under: "IN-AP")?.code == "IN-AP/515")  // "SPSR NELLORE"
        #expect(full.local(named: "ANANTPUR", under: "IN-AP")?.code == "IN-AP/502")  // "ANANTAPUR"
        #expect(full.local(named: "Y S R ", under: "IN-AP")?.code == "IN-AP/504")  // "Y.S.R."
        #expect(full.local(named: "RANGAREDDY", under: "IN-TG")?.code == "IN-TG/518")  // "RANGA REDDY"
        #expect(full.local(named: "MAHABOOBNAGAR", under: "IN-TG")?.code == "IN-TG/512")
        #expect(full.local(named: "Nasik", under: "IN-MH")?.name == "Nashik")
        #expect(full.local(named: "WARANGAL RURAL", under: "IN-TG") == nil)  // no longer a district
        #expect(full.local(named: "KURNOOL", under: "IN-TG") == nil)  // wrong state
    }

    @Test("counties with or without \"County\"", .enabled(if: Fixtures.hasSampleGazetteers))
    func counties() throws {
        #expect(full.local(named: "Whitman", under: "US-WA")?.code == "US-WA/53075")
        #expect(full.local(named: "Whitman County", under: "US-WA")?.code == "US-WA/53075")
        #expect(full.local(named: "Sorriso", under: "BR-MT")?.code == "BR-MT/5107925")
        #expect(full.local(named: "Sorriso", under: "BR")?.code == "BR-MT/5107925")
    }
}
