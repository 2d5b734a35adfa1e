import AgriQAChatModel
import AgriQAFakeChatServer
import AgriQASynthesis
import Foundation
import Testing

@Suite("structure step: validated JSON, one retry, then skip")
struct StructureStepTests {
    static func section(_ name: String = "Zones and Seasons") -> SourceSection {
        SourceSection(
            id: "d1.s1", documentID: 1, documentTitle: "Maize Production in Kenya", documentPath: "/corpus/ke-maize.pdf",
            section: name, pageStart: 1, pageEnd: 1, text: "Maize in the highlands is planted in March.", tokens: 40,
            chunkIDs: [1], regions: ["KE"])
    }

    @Test("valid JSON (even inside a code fence) is stored after one call")
    func validReply() async throws {
        let server = try await FakeChatServer.start(
            queue: [.reply("```json\n{\"location\": \"Kenya highlands\", \"topics\": [\"maize\", \" planting \"]}\n```")])
        defer { Task { await server.stop() } }
        let record = await StructureStep(model: try SynthesisFixtures.client(server.baseURL)).run(Self.section())
        #expect(record.structure == SectionStructure(location: "Kenya highlands", topics: ["maize", "planting"]))
        #expect(record.attempts == 1)
        #expect(record.failure == nil)
        #expect(record.promptVersion == StructurePrompt.template.version)
        #expect(server.requests.count == 1)
        #expect(server.requests[0].responseFormat == "json_object")
        #expect(server.requests[0].temperature == 0)
    }

    @Test("invalid JSON is retried once with the error, and the second reply is used")
    func retryWithError() async throws {
        let server = try await FakeChatServer.start(
            queue: [.reply("The section is about maize in Kenya."), .reply(#"{"location": "Kenya", "topics": ["maize"]}"#)])
        defer { Task { await server.stop() } }
        let record = await StructureStep(model: try SynthesisFixtures.client(server.baseURL)).run(Self.section())
        #expect(record.structure?.location == "Kenya")
        #expect(record.attempts == 2)
        let retry = try #require(server.requests.last)
        #expect(retry.messages.count == 4)
        #expect(retry.messages[2] == .init(role: "assistant", content: "The section is about maize in Kenya."))
        #expect(retry.messages[3].content.contains("the reply holds no JSON object"))
    }

    @Test("a reply that parses but breaks the schema is retried too", arguments: [
        #"{"location": "Kenya", "topics": []}"#, #"{"location": "", "topics": ["maize"]}"#, #"{"place": "Kenya"}"#,
    ])
    func schemaViolations(_ reply: String) async throws {
        let server = try await FakeChatServer.start(queue: [.reply(reply), .reply(reply)])
        defer { Task { await server.stop() } }
        let record = await StructureStep(model: try SynthesisFixtures.client(server.baseURL)).run(Self.section())
        #expect(record.structure == nil)
        #expect(record.attempts == 2)
        #expect(record.failure?.hasPrefix("invalid structure JSON after a retry") == true)
        #expect(record.invalidReply == reply)
    }

    @Test("a section whose structure stays invalid is recorded and skipped; the others go on")
    func pipelineSkipsInvalidSection() async throws {
        let server = try await FakeChatServer.start(responder: { request in
            if ScriptedTeacher.kind(request) == .structure, ScriptedTeacher.field("Section", in: request) == "Zones and Seasons" {
                return .reply("{\"location\": \"Kenya\", \"topics\": ")
            }
            return ScriptedTeacher.reply(request)
        })
        defer { Task { await server.stop() } }
        let pipeline = try await SynthesisFixtures.pipeline(
            try SynthesisFixtures.client(server.baseURL),
            settings: SynthesisFixtures.settings(.tokens(factor: 0.1, questionsPerRound: 1, maxRounds: 1), limit: 3),
            ledger: UsageLedger())
        let result = try await pipeline.run()
        let failed = try #require(result.sections.first { $0.section.section == "Zones and Seasons" })
        #expect(failed.structure == nil)
        #expect(failed.failure != nil)
        #expect(result.report.sections.structureFailed == 1)
        #expect(result.report.sections.structured == 2)
        #expect(!result.examples.contains { $0.section.section == "Zones and Seasons" })
        #expect(result.report.problems.contains { $0.contains("structure") })
        let structureCalls = server.requests.filter { ScriptedTeacher.kind($0) == .structure }
        #expect(structureCalls.count == 4)  // 2 good sections + 2 tries for the bad one
    }
}
