import AgriQADomain
import Foundation
import Testing

@testable import AgriQAGeography

@Suite("Loading gazetteer files")
struct GazetteerFileLoadTests {
    /// Every sample file, its detected format and how many regions it adds or updates at least.
    static let samples: [(String, GazetteerFileFormat, Int)] = [
        ("us/census_gazetteer_2019_counties.tsv", .usCensusCounties, 3220),
        ("us/county_fips_master.csv", .usCountyFIPS, 3140),
        ("us/state_and_county_fips_master.csv", .usStateAndCountyFIPS, 3190),
        ("us/state_fips_master.csv", .usStateFIPS, 50),
        ("india/1-state.csv", .indiaLGDStates, 36),
        ("india/2-district.csv", .indiaLGDDistricts, 763),
        ("india/3-subdistrict.csv", .indiaLGDSubdistricts, 6900),
        ("india/blocks.csv", .indiaLGDBlocks, 7200),
        ("brazil/estados.csv", .brazilIBGEStates, 27),
        ("brazil/municipios.csv", .brazilIBGEMunicipalities, 5571),
        ("world/country-codes.csv", .countryCodes, 249),
    ]

    @Test(
        "each sample gazetteer loads into the built-in gazetteer",
        .enabled(if: Fixtures.hasSampleGazetteers), arguments: samples.indices)
    func sampleLoads(index: Int) throws {
        let (file, format, minimum) = Self.samples[index]
        var gazetteer = Fixtures.builtIn
        let summary = try gazetteer.loadFile(Fixtures.sample(file))
        #expect(summary.format == format)
        #expect(summary.added + summary.updated >= minimum)
        #expect(summary.skippedCount == 0, "\(summary.skippedExamples)")
        #expect(gazetteer.count == Fixtures.builtIn.count + summary.added)
    }

    @Test("US counties: codes, names, parents and centroids", .enabled(if: Fixtures.hasSampleGazetteers))
    func usCounties() throws {
        var gazetteer = Fixtures.builtIn
        try gazetteer.load(file: Fixtures.sample("us/census_gazetteer_2019_counties.tsv"))
        let pierce = try #require(gazetteer.region("US-WA/53053"))
        #expect(pierce.name == "Pierce County")
        #expect(pierce.level == .local)
        #expect(pierce.parent == "US-WA")
        #expect(abs((pierce.latitude ?? 0) - 47.05) < 0.2)
        #expect(gazetteer.ancestors(of: "US-WA/53053") == ["US-WA", "US"])
        #expect(gazetteer.children(of: "US-WA").count == 39)
        // The FIPS files use the same codes, so they merge instead of duplicating.
        let summary = try gazetteer.loadFile(Fixtures.sample("us/county_fips_master.csv"))
        #expect(summary.updated > 3100)
        #expect(summary.added < 10)
    }

    @Test("India LGD: states matched by name, districts, sub-districts and blocks", .enabled(if: Fixtures.hasSampleGazetteers))
    func indiaLGD() throws {
        var gazetteer = Fixtures.builtIn
        try gazetteer.load(file: Fixtures.sample("india/1-state.csv"))
        #expect(try gazetteer.resolveLocation("The Dadra and Nagar Haveli and Daman and Diu").code == "IN-DH")
        try gazetteer.load(file: Fixtures.sample("india/2-district.csv"))
        let kurnool = try #require(gazetteer.region("IN-AP/511"))
        #expect(kurnool.name == "Kurnool")
        #expect(gazetteer.region("IN-TG/518")?.name == "Ranga Reddy")  // Telangana is IN-TG in iso-codes 4.15
        #expect(gazetteer.children(of: "IN-OR").count > 25)  // ODISHA
        #expect(gazetteer.children(of: "IN-UT").count == 13)  // UTTARAKHAND
        try gazetteer.load(file: Fixtures.sample("india/3-subdistrict.csv"))
        try gazetteer.load(file: Fixtures.sample("india/blocks.csv"))
        let subdistricts = gazetteer.children(of: "IN-AP/511")
        #expect(subdistricts.contains { !$0.code.rawValue.contains("/B") })
        #expect(subdistricts.contains { $0.code.rawValue.hasPrefix("IN-AP/511/B") })
        #expect(subdistricts.allSatisfy { gazetteer.ancestors(of: $0.code) == ["IN-AP/511", "IN-AP", "IN"] })
    }

    @Test("sub-districts alone create their districts", .enabled(if: Fixtures.hasSampleGazetteers))
    func subdistrictsAlone() throws {
        var gazetteer = Fixtures.builtIn
        try gazetteer.load(file: Fixtures.sample("india/3-subdistrict.csv"))
        #expect(gazetteer.region("IN-AP/511")?.name == "Kurnool")
    }

    @Test("Brazil IBGE: state centroids and municipalities under their UF", .enabled(if: Fixtures.hasSampleGazetteers))
    func brazil() throws {
        var gazetteer = Fixtures.builtIn
        try gazetteer.load(file: Fixtures.sample("brazil/municipios.csv"))  // works before estados.csv
        let sorriso = try #require(gazetteer.region("BR-MT/5107925"))
        #expect(sorriso.name == "Sorriso")
        #expect(sorriso.parent == "BR-MT")
        #expect(sorriso.latitude != nil)
        #expect(gazetteer.region("BR-MT")?.latitude == nil)
        try gazetteer.load(file: Fixtures.sample("brazil/estados.csv"))
        #expect(gazetteer.region("BR-MT")?.latitude != nil)
    }

    @Test("country-codes.csv adds names", .enabled(if: Fixtures.hasSampleGazetteers))
    func countryCodes() throws {
        var gazetteer = Fixtures.builtIn
        #expect(throws: LocationError.self) { try gazetteer.resolveLocation("Caribbean Netherlands") }
        try gazetteer.load(file: Fixtures.sample("world/country-codes.csv"))
        #expect(try gazetteer.resolveLocation("Caribbean Netherlands").code == "BQ")
        #expect(try gazetteer.resolveLocation("Namibia").code == "NA")
    }

    @Test("AgriQA CSV: aliases, default parents, levels and centroids")
    func agriQAFormat() throws {
        let path = try Fixtures.temporaryFile(
            named: "farms.csv",
            contents: """
                code,name,parent,aliases,lat,lon
                KE-31/NJORO,Njoro,,Njoro Town|Njoro Sub-County,-0.33,35.94
                "US-WA/PALOUSE",Palouse,US-WA/53075,"Palouse Country, The",46.9,-117.1
                ZZ,Zedland,,,,
                """)
        defer { Fixtures.remove(path) }
        var gazetteer = Fixtures.builtIn
        let summary = try gazetteer.loadFile(path)
        #expect(summary.format == .agriQA)
        #expect(summary.added == 3)
        let njoro = try #require(gazetteer.region("KE-31/NJORO"))
        #expect(njoro.level == .local)
        #expect(njoro.parent == "KE-31")
        #expect(njoro.aliases == ["Njoro Town", "Njoro Sub-County"])
        #expect(gazetteer.region("ZZ")?.level == .country)
        #expect(gazetteer.ancestors(of: "US-WA/PALOUSE") == ["US-WA/53075", "US-WA", "US"])
        #expect(try gazetteer.resolveLocation("Njoro Town").code == "KE-31/NJORO")
        #expect(try gazetteer.resolveLocation("-0.3,35.9").code == "KE-31/NJORO")
    }

    @Test("a bad row in an AgriQA CSV names the file and the line")
    func malformedRow() throws {
        let path = try Fixtures.temporaryFile(
            named: "bad.csv", contents: "code,name,parent,aliases,lat,lon\nKE-31/X,Ok,,,1,2\nnot a code,Bad,,,,\n")
        defer { Fixtures.remove(path) }
        var gazetteer = Gazetteer()
        do {
            try gazetteer.load(file: path)
            Issue.record("expected an error")
        } catch {
            guard case .malformedRow(let file, let line, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == path)
            #expect(line == 3)
            #expect(error.description.contains(path))
        }
    }

    @Test("an unknown header names the file and the recognised formats")
    func unknownFormat() throws {
        let path = try Fixtures.temporaryFile(named: "weird.csv", contents: "foo,bar\n1,2\n")
        defer { Fixtures.remove(path) }
        var gazetteer = Gazetteer()
        do {
            try gazetteer.load(file: path)
            Issue.record("expected an error")
        } catch {
            #expect(error == .unrecognizedFormat(path: path, header: ["foo", "bar"]))
            #expect(error.description.contains(path))
            #expect(error.description.contains("code,name,parent,aliases,lat,lon"))
            #expect(error.description.contains("Census"))
        }
    }

    @Test("missing, empty and directory paths are typed errors naming the path")
    func unreadable() throws {
        var gazetteer = Gazetteer()
        #expect(throws: GazetteerError.fileUnreadable(path: "/nonexistent/x.csv", reason: "no such file")) {
            try gazetteer.load(file: "/nonexistent/x.csv")
        }
        let empty = try Fixtures.temporaryFile(named: "empty.csv", contents: "")
        defer { Fixtures.remove(empty) }
        #expect(throws: GazetteerError.noRegions(path: empty, reason: "the file is empty")) {
            try gazetteer.load(file: empty)
        }
        let directory = URL(fileURLWithPath: empty).deletingLastPathComponent().path
        do {
            try gazetteer.load(file: directory)
            Issue.record("expected an error")
        } catch {
            guard case .fileUnreadable(let path, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == directory)
        }
        #expect(gazetteer.count == 0)
    }
}
