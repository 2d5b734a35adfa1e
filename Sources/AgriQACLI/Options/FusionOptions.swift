import AgriQARetrieval
import ArgumentParser

/// How hybrid mode fuses the BM25 and dense rankings; shared by `search` and `eval`.
struct FusionOptions: ParsableArguments {
    @Option(help: "Hybrid mode: reciprocal rank fusion constant k (a result at rank r adds weight / (k + r)).")
    var rrfK = 60.0

    @Option(help: "Hybrid mode: weight of the BM25 ranking in the fusion.")
    var lexicalWeight = 1.0

    @Option(help: "Hybrid mode: weight of the dense (embedding) ranking in the fusion.")
    var denseWeight = 1.0

    func validate() throws {
        guard rrfK >= 1 else { throw ValidationError("--rrf-k must be at least 1") }
        guard lexicalWeight >= 0, denseWeight >= 0, lexicalWeight + denseWeight > 0 else {
            throw ValidationError("--lexical-weight and --dense-weight must be non-negative and not both 0")
        }
    }

    var settings: FusionSettings { FusionSettings(rrfK: rrfK, lexicalWeight: lexicalWeight, denseWeight: denseWeight) }
}
