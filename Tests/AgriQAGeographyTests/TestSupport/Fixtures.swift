import AgriQADomain
import Foundation

@testable import AgriQAGeography

/// Shared test data: the built-in gazetteer (real iso-codes), the sample gazetteer files in
/// `../shared/data/gazetteers` next to the package, and gazetteers/taggers built from them once.
enum Fixtures {
    /// The package root, found from this file's path (Tests/AgriQAGeographyTests/TestSupport/…).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let gazetteerDirectory: String = packageRoot
        .deletingLastPathComponent().appendingPathComponent("shared/data/gazetteers").path

    static var hasSampleGazetteers: Bool {
        FileManager.default.fileExists(atPath: gazetteerDirectory + "/us/census_gazetteer_2019_counties.tsv")
    }

    static func sample(_ relativePath: String) -> String { gazetteerDirectory + "/" + relativePath }

    /// The built-in gazetteer, loaded once.
    static let builtIn: Gazetteer = {
        do { return try Gazetteer.builtIn() } catch { fatalError("iso-codes: \(error)") }
    }()

    /// Built-in plus US counties (census, with centroids), India districts and Brazil states and
    /// municipalities: what the tagging tests use. Empty extras when the sample folder is absent.
    static let withLocals: Gazetteer = {
        var gazetteer = builtIn
        guard hasSampleGazetteers else { return gazetteer }
        for file in [
            "us/census_gazetteer_2019_counties.tsv", "india/2-district.csv", "brazil/estados.csv",
            "brazil/municipios.csv",
        ] {
            do { try gazetteer.load(file: sample(file)) } catch { fatalError("\(file): \(error)") }
        }
        return gazetteer
    }()

    static let tagger = GeoTagger(gazetteer: withLocals)
    static let builtInTagger = GeoTagger(gazetteer: builtIn)

    /// A temporary file with `contents`, removed by the caller via `remove(_:)`.
    static func temporaryFile(named name: String, contents: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("agriqa-geo-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }
}

extension Array where Element == RegionTag {
    var codes: [RegionCode] { map(\.code) }
    func tag(_ code: RegionCode) -> RegionTag? { first { $0.code == code } }
}
