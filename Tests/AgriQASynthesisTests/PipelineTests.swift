import AgriQAChatModel
import AgriQAFakeChatServer
import AgriQASynthesis
import Foundation
import Testing

@Suite("synthesis pipeline against the fake chat server")
struct PipelineTests {
    @Test("tokens scaling stops once the dataset reaches k × the source tokens")
    func tokensScalingReachesTarget() async throws {
        let server = try await FakeChatServer.start(responder: { ScriptedTeacher.reply($0) })
        defer { Task { await server.stop() } }
        let ledger = UsageLedger()
        let pipeline = try await SynthesisFixtures.pipeline(
            try SynthesisFixtures.client(server.baseURL),
            settings: SynthesisFixtures.settings(.tokens(factor: 0.5, questionsPerRound: 2, maxRounds: 20)), ledger: ledger)
        let result = try await pipeline.run()
        let scaling = result.report.scaling
        #expect(scaling.stopReason == "target-reached")
        let target = try #require(scaling.targetTokens)
        #expect(target == Int((0.5 * Double(scaling.sourceTokens)).rounded(.up)))
        #expect(scaling.datasetTokens >= target)
        #expect(scaling.datasetTokens == result.examples.reduce(0) { $0 + $1.datasetTokens })
        #expect(result.report.sections.structured == 4)
        #expect(result.examples.allSatisfy { $0.answer.messages.map(\.role) == [.system, .user, .assistant] })
        // Every user prompt is the answer service's grounded prompt, with the sources the teacher saw.
        #expect(result.examples.allSatisfy { $0.answer.messages[1].content.contains("Sources:") })
        #expect(result.examples.allSatisfy { $0.answer.sources.contains(where: \.fromSection) })
    }

    @Test("tokens scaling stops when a round adds no new question (saturated)")
    func tokensScalingSaturates() async throws {
        // The same two questions every round: round 2 only makes duplicates.
        let server = try await FakeChatServer.start(responder: { request in
            if ScriptedTeacher.kind(request) == .sectionQuestions {
                let tag = ScriptedTeacher.tag(ScriptedTeacher.field("Section", in: request))
                return .reply(ScriptedTeacher.json(["questions": ["How is crop\(tag) sown?", "When is crop\(tag) harvested?"]]))
            }
            return ScriptedTeacher.reply(request)
        })
        defer { Task { await server.stop() } }
        let pipeline = try await SynthesisFixtures.pipeline(
            try SynthesisFixtures.client(server.baseURL),
            settings: SynthesisFixtures.settings(.tokens(factor: 50, questionsPerRound: 2, maxRounds: 5), limit: 2), ledger: UsageLedger())
        let result = try await pipeline.run()
        #expect(result.report.scaling.stopReason == "saturated")
        #expect(result.report.scaling.rounds == 2)
        #expect(result.examples.count == 4)
        #expect(result.report.questions.duplicatesRemoved == 4)
    }

    @Test("facts scaling: n questions per fact, every fact covered")
    func factsScalingCoversEveryFact() async throws {
        let server = try await FakeChatServer.start(responder: { ScriptedTeacher.reply($0) })
        defer { Task { await server.stop() } }
        let pipeline = try await SynthesisFixtures.pipeline(
            try SynthesisFixtures.client(server.baseURL),
            settings: SynthesisFixtures.settings(.facts(questionsPerFact: 2, maxFactsPerSection: 5), limit: 3), ledger: UsageLedger())
        let result = try await pipeline.run()
        #expect(result.facts.count == 6)  // 3 sections × 2 scripted facts
        #expect(Set(result.facts.map(\.id)).count == 6)
        #expect(result.examples.count == 12)  // 2 questions per fact, none a duplicate
        let covered = Set(result.examples.flatMap(\.question.factIDs))
        #expect(covered == Set(result.facts.map(\.id)))
        for fact in result.facts {
            #expect(result.examples.filter { $0.question.factIDs.contains(fact.id) }.count == 2)
        }
        #expect(result.report.regions.reduce(0) { $0 + $1.factsCovered } == 6)
        #expect(result.report.documents.allSatisfy { $0.factCoverage == 1 })
        #expect(result.report.scaling.stopReason == "all-facts")
    }

    @Test("a removed near duplicate hands its fact to the question kept, so the fact stays covered")
    func dedupeKeepsFactsCovered() async throws {
        let server = try await FakeChatServer.start(responder: { request in
            switch ScriptedTeacher.kind(request) {
            case .facts:
                return .reply(ScriptedTeacher.json(["facts": ["Maize is planted at 75 cm.", "Rows are 75 cm apart."]]))
            case .factQuestions:
                return .reply(ScriptedTeacher.json(["questions": ["How far apart are maize rows planted in Kenya?"]]))
            default:
                return ScriptedTeacher.reply(request)
            }
        })
        defer { Task { await server.stop() } }
        let pipeline = try await SynthesisFixtures.pipeline(
            try SynthesisFixtures.client(server.baseURL),
            settings: SynthesisFixtures.settings(.facts(questionsPerFact: 1, maxFactsPerSection: 5), limit: 1), ledger: UsageLedger())
        let result = try await pipeline.run()
        #expect(result.examples.count == 1)
        #expect(result.report.questions.duplicatesRemoved == 1)
        let example = try #require(result.examples.first)
        #expect(Set(example.question.factIDs) == Set(result.facts.map(\.id)))
    }
}
