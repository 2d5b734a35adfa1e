import Foundation

/// What defines a run: `--resume` continues only a run with the same settings, so every question
/// of a run was answered the same way. Stored as `run.json` in the output folder.
public struct RunSettings: Sendable, Codable, Equatable {
    public var examPath: String
    /// SHA-256 of the exam file's bytes: resuming against an edited file is refused.
    public var examDigest: String
    public var solver: String
    /// The IR solver's scoring (ir only).
    public var irScoring: String?
    public var rag: Bool
    public var chainOfThought: Bool
    public var ensemble: Int
    public var refinements: Int
    public var temperature: Double?
    public var model: String?
    public var judge: String?
    public var index: String?
    public var location: String?
    public var seed: Int
    /// Sources per question for `--rag on`.
    public var sources: Int

    public init(
        examPath: String, examDigest: String, solver: String, irScoring: String? = nil, rag: Bool = false,
        chainOfThought: Bool = false, ensemble: Int = 1, refinements: Int = 1, temperature: Double? = nil, model: String? = nil,
        judge: String? = nil, index: String? = nil, location: String? = nil, seed: Int = 0, sources: Int = 4
    ) {
        self.examPath = examPath
        self.examDigest = examDigest
        self.solver = solver
        self.irScoring = irScoring
        self.rag = rag
        self.chainOfThought = chainOfThought
        self.ensemble = ensemble
        self.refinements = refinements
        self.temperature = temperature
        self.model = model
        self.judge = judge
        self.index = index
        self.location = location
        self.seed = seed
        self.sources = sources
    }

    /// Human-readable differences from `other` ("seed 1 → 2").
    public func differences(from other: RunSettings) -> [String] {
        var result: [String] = []
        func compare<T: Equatable>(_ name: String, _ a: T, _ b: T) {
            if a != b { result.append("\(name) \(String(describing: a)) → \(String(describing: b))") }
        }
        compare("exam file content", other.examDigest.prefix(12), examDigest.prefix(12))
        compare("solver", other.solver, solver)
        compare("ir scoring", other.irScoring ?? "-", irScoring ?? "-")
        compare("rag", other.rag, rag)
        compare("chain of thought", other.chainOfThought, chainOfThought)
        compare("ensemble", other.ensemble, ensemble)
        compare("refinements", other.refinements, refinements)
        compare("temperature", other.temperature ?? 0, temperature ?? 0)
        compare("model", other.model ?? "-", model ?? "-")
        compare("judge", other.judge ?? "-", judge ?? "-")
        compare("index", other.index ?? "-", index ?? "-")
        compare("location", other.location ?? "-", location ?? "-")
        compare("seed", other.seed, seed)
        compare("sources", other.sources, sources)
        return result
    }
}
