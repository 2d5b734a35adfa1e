import AgriQADomain
import Testing

@testable import AgriQAGeography

@Suite("Resolving typed locations")
struct GazetteerResolveTests {
    let builtIn = Fixtures.builtIn
    let full = Fixtures.withLocals

    @Test("codes in any case")
    func codes() throws {
        #expect(try builtIn.resolveLocation("US-WA").name == "Washington")
        #expect(try builtIn.resolveLocation("in-tn").code == "IN-TN")
        #expect(try builtIn.resolveLocation(" KE ").code == "KE")
    }

    @Test("names, case- and accent-insensitive")
    func names() throws {
        #expect(try builtIn.resolveLocation("Tamil Nadu").code == "IN-TN")
        #expect(try builtIn.resolveLocation("TAMIL NADU").code == "IN-TN")
        #expect(try builtIn.resolveLocation("Kenya").code == "KE")
        #expect(try builtIn.resolveLocation("Senegal").code == "SN")
        #expect(try builtIn.resolveLocation("Mexico").code == "MX")  // the country, not the state MX-MEX
        #expect(try builtIn.resolveLocation("Washington State").code == "US-WA")
    }

    @Test("qualified names and county codes", .enabled(if: Fixtures.hasSampleGazetteers))
    func qualifiedNames() throws {
        #expect(try full.resolveLocation("US-WA/53053").name == "Pierce County")
        #expect(try full.resolveLocation("Pierce County, Washington").code == "US-WA/53053")
        #expect(try full.resolveLocation("Whitman County, WA").code == "US-WA/53075")
        #expect(try full.resolveLocation("Whitman, WA").code == "US-WA/53075")
        #expect(try full.resolveLocation("Sorriso, Mato Grosso").code == "BR-MT/5107925")
        #expect(try full.resolveLocation("Sorriso (MT)").code == "BR-MT/5107925")
        #expect(try full.resolveLocation("Kurnool, Andhra Pradesh, India").code == "IN-AP/511")
        #expect(try full.resolveLocation("Nakuru, Kenya").code == "KE-31")
    }

    @Test("lat,lon finds the nearest centroid", .enabled(if: Fixtures.hasSampleGazetteers))
    func coordinates() throws {
        let region = try full.resolveLocation("46.7, -117.2")
        #expect(region.code == "US-WA/53075")
        #expect(region.name == "Whitman County")
        #expect(try full.resolveLocation("-12.55,-55.72").code == "BR-MT/5107925")  // Sorriso
    }

    @Test("lat,lon far from every loaded centroid is an error naming the nearest", .enabled(if: Fixtures.hasSampleGazetteers))
    func coordinatesFarAway() throws {
        do {
            _ = try full.resolveLocation("-1.28,36.82")  // Nairobi: no Kenyan centroids loaded
            Issue.record("expected an error")
        } catch {
            guard case .nothingNear(_, _, _, let distance) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(distance > 500)
            #expect(error.description.contains("--gazetteer"))
        }
    }

    @Test("lat,lon without any centroid says to load a gazetteer with centroids")
    func coordinatesWithoutCentroids() throws {
        do {
            _ = try builtIn.resolveLocation("46.7,-117.2")
            Issue.record("expected an error")
        } catch {
            #expect(error == .noCentroids(latitude: 46.7, longitude: -117.2))
            #expect(error.description.contains("--gazetteer"))
        }
    }

    @Test("out-of-range coordinates are rejected")
    func invalidCoordinates() throws {
        #expect(throws: LocationError.invalidCoordinates("95,10")) { try builtIn.resolveLocation("95,10") }
    }

    @Test("unknown names come with suggestions")
    func unknownWithSuggestions() throws {
        do {
            _ = try builtIn.resolveLocation("Tamil Nadoo")
            Issue.record("expected an error")
        } catch {
            guard case .unknown(let text, let suggestions) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(text == "Tamil Nadoo")
            #expect(suggestions.first?.code == "IN-TN")
            #expect(suggestions.count <= 5)
            #expect(error.description.contains("Did you mean"))
        }
        #expect(builtIn.suggestions(for: "Keny", limit: 3).contains { $0.code == "KE" })
    }

    @Test("a name shared by a country and a state is ambiguous, not guessed")
    func ambiguous() throws {
        do {
            _ = try builtIn.resolveLocation("Georgia")
            Issue.record("expected an error")
        } catch {
            guard case .ambiguous(_, let candidates) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(Set(candidates.map(\.code)) == ["GE", "US-GA"])
        }
        #expect(throws: LocationError.self) { try builtIn.resolveLocation("Punjab") }
        #expect(try builtIn.resolveLocation("Punjab, India").code == "IN-PB")
        #expect(try builtIn.resolveLocation("Punjab, Pakistan").code == "PK-PB")
    }

    @Test("empty input")
    func empty() throws {
        #expect(throws: LocationError.empty) { try builtIn.resolveLocation("   ") }
    }
}
