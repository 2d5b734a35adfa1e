import AgriQAGeography
import ArgumentParser

/// `--gazetteer FILE`, repeatable: finer regions on top of the built-in countries and subdivisions.
struct GazetteerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A gazetteer file with finer regions (counties, districts, municipalities); repeatable. Formats: docs/gazetteers.md.",
            valueName: "file"))
    var gazetteer: [String] = []

    func load() throws -> Gazetteer {
        var result: Gazetteer
        do {
            result = try Gazetteer.builtIn()
        } catch {
            throw CLIError(error.description)
        }
        for file in gazetteer {
            do {
                _ = try result.load(file: file)
            } catch {
                throw CLIError(error.description)
            }
        }
        return result
    }
}
