import Foundation

/// What a synthesis run made, skipped and spent: `report.json`.
public struct SynthesisReport: Codable, Sendable {
    public struct Sections: Codable, Sendable {
        public var found = 0
        public var skippedShort = 0
        public var skippedRecordDocuments = 0
        public var structured = 0
        /// Invalid structure JSON twice, or a failed model call: skipped.
        public var structureFailed = 0
        /// Of those, how many needed the retry and then succeeded.
        public var structureRetried = 0
    }

    public struct Scaling: Codable, Sendable {
        public var mode: String
        public var factor: Double?
        public var questionsPerRound: Int?
        public var questionsPerFact: Int?
        public var sourceTokens = 0
        public var targetTokens: Int?
        public var datasetTokens = 0
        public var rounds = 0
        /// target-reached, saturated, max-rounds, all-facts.
        public var stopReason = ""
    }

    public struct Questions: Codable, Sendable {
        public var generated = 0
        public var duplicatesRemoved = 0
        public var unanswerable = 0
        public var answerFailures = 0
        public var generationFailures = 0
        public var examples = 0
    }

    public struct Dedupe: Codable, Sendable {
        public var method = "token-set Jaccard on content words (stop words removed, plural s stripped)"
        public var threshold: Double
    }

    public struct Split: Codable, Sendable {
        public var seed: UInt64
        public var validationShare: Double
        public var trainDocuments = 0
        public var validationDocuments = 0
        public var trainExamples = 0
        public var validationExamples = 0
    }

    /// Coverage of one document or one region.
    public struct Coverage: Codable, Sendable {
        /// Document path or region code.
        public var key: String
        public var title: String?
        public var split: String?
        public var sections = 0
        public var sectionsWithExamples = 0
        public var facts = 0
        public var factsCovered = 0
        public var examples = 0
        public var sourceTokens = 0
        public var datasetTokens = 0

        public var sectionCoverage: Double { sections == 0 ? 0 : Double(sectionsWithExamples) / Double(sections) }
        public var factCoverage: Double? { facts == 0 ? nil : Double(factsCovered) / Double(facts) }
    }

    public var createdAt: Date
    public var index: String
    public var model: String
    public var promptFormat: String
    public var reasoning: Bool
    public var promptVersions: [String: String]
    public var sections = Sections()
    public var scaling: Scaling
    public var questions = Questions()
    public var dedupe: Dedupe
    public var split: Split
    public var documents: [Coverage] = []
    public var regions: [Coverage] = []
    public var usage: [StepUsage] = []
    public var totalUsage: StepUsage = StepUsage(step: "total")
    /// The first problems met (failed structure steps, failed answers), with their section.
    public var problems: [String] = []
}
