import AgriQAGeography
import Foundation
import ArgumentParser

/// `--gazetteer FILE`, repeatable: finer regions on top of the built-in countries and subdivisions.
struct GazetteerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A gazetteer file with finer regions (counties, districts, municipalities); repeatable. Formats: docs/gazetteers.md.",
            valueName: "file"))
    var gazetteer: [String] = []

    /// The built-in gazetteer plus `--gazetteer` files plus `remembered` ones (from the index) that
    /// still exist.
    func load(remembered: [String] = []) throws -> Gazetteer {
        try Self.load(files: gazetteer, remembered: remembered)
    }

    /// The built-in gazetteer plus `files` plus the `remembered` ones that still exist.
    static func load(files gazetteer: [String], remembered: [String]) throws -> Gazetteer {
        var result: Gazetteer
        do {
            result = try Gazetteer.builtIn()
        } catch {
            throw CLIError(error.description)
        }
        let files = gazetteer + remembered.filter { remembered in
            FileManager.default.fileExists(atPath: remembered)
                && !gazetteer.contains { URL(fileURLWithPath: $0).standardizedFileURL.path == remembered }
        }
        for file in files {
            do {
                _ = try result.load(file: file)
            } catch {
                throw CLIError(error.description)
            }
        }
        return result
    }
}
