import AgriQAChatModel
import AgriQAFakeChatServer
import AgriQASynthesis
import Foundation
import Testing

@Suite("output files, the response cache and token accounting")
struct OutputCacheAndUsageTests {
    @Test("the output folder holds OpenAI fine-tuning JSONL split by document, with metadata")
    func writesSplitOutput() async throws {
        let server = try await FakeChatServer.start(responder: { ScriptedTeacher.reply($0) })
        defer { Task { await server.stop() } }
        var settings = SynthesisFixtures.settings(.tokens(factor: 0.3, questionsPerRound: 2, maxRounds: 3), limit: 30)
        settings.reasoning = true
        let pipeline = try await SynthesisFixtures.pipeline(
            try SynthesisFixtures.client(server.baseURL), settings: settings, ledger: UsageLedger())
        let result = try await pipeline.run()
        let folder = try SynthesisFixtures.temporaryDirectory("synth-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SynthesisWriter(folder: folder).write(result)

        let train = try JSONLines.read(FineTuneExample.self, path: folder.appending(path: "train.jsonl").path)
        let validation = try JSONLines.read(FineTuneExample.self, path: folder.appending(path: "validation.jsonl").path)
        let metadata = try JSONLines.read(ExampleMetadata.self, path: folder.appending(path: "metadata.jsonl").path)
        #expect(!train.isEmpty)
        #expect(!validation.isEmpty)
        #expect(metadata.count == train.count + validation.count)
        for example in train + validation {
            #expect(example.messages.map(\.role) == [.system, .user, .assistant])
            // --reasoning keeps the chain before the final answer.
            #expect(example.messages[2].content == "Reasoning:\nSource [1] gives the planting time.\n\nAnswer:\nPlant maize when the long rains start [1].")
        }
        // Two documents, validation share 0.5: one document per split, never both.
        let trainDocuments = Set(metadata.filter { $0.split == .train }.map(\.document.path))
        let validationDocuments = Set(metadata.filter { $0.split == .validation }.map(\.document.path))
        #expect(trainDocuments.count == 1)
        #expect(validationDocuments.count == 1)
        #expect(trainDocuments.isDisjoint(with: validationDocuments))
        let first = try #require(metadata.first)
        #expect(first.teacherModel == "fake-teacher")
        #expect(first.promptVersions["structure"] == StructurePrompt.template.version)
        #expect(first.pageStart != nil)
        #expect(first.region == "KE" || first.region == "US-WA")
        #expect(first.line == 1)
        let raw = try String(contentsOf: folder.appending(path: "train.jsonl"), encoding: .utf8)
        #expect(raw.hasPrefix(#"{"messages":[{"content":"#))
        for name in ["questions.jsonl", "sections.jsonl", "report.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appending(path: name).path))
        }
        let report = try JSONDecoder.iso.decode(SynthesisReport.self, from: Data(contentsOf: folder.appending(path: "report.json")))
        #expect(report.split.trainExamples == train.count)
        #expect(report.split.validationExamples == validation.count)
    }

    @Test("a second run with the same cache makes no request and gives the same examples")
    func cacheMakesReRunsFree() async throws {
        let server = try await FakeChatServer.start(responder: { ScriptedTeacher.reply($0) })
        defer { Task { await server.stop() } }
        let folder = try SynthesisFixtures.temporaryDirectory("synth-cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = SynthesisFixtures.settings(.facts(questionsPerFact: 1, maxFactsPerSection: 3), limit: 2)

        func run() async throws -> (SynthesisPipeline.Result, UsageLedger) {
            let ledger = UsageLedger()
            let cached = CachingChatModel(base: try SynthesisFixtures.client(server.baseURL), cache: try ResponseCache(directory: folder))
            return (try await SynthesisFixtures.pipeline(cached, settings: settings, ledger: ledger).run(), ledger)
        }
        let (first, firstLedger) = try await run()
        let requestsAfterFirst = server.requests.count
        #expect(requestsAfterFirst > 0)
        #expect(firstLedger.total.requests == requestsAfterFirst)
        #expect(firstLedger.total.cacheHits == 0)

        let (second, secondLedger) = try await run()
        #expect(server.requests.count == requestsAfterFirst)
        #expect(secondLedger.total.requests == 0)
        #expect(secondLedger.total.cacheHits == requestsAfterFirst)
        #expect(secondLedger.total.promptTokens == 0)
        #expect(secondLedger.total.cachedPromptTokens == firstLedger.total.promptTokens)
        #expect(second.examples.map(\.answer.messages) == first.examples.map(\.answer.messages))
    }

    @Test("a different parameter is a different cache key")
    func cacheKeyCoversParameters() {
        let request = ChatRequest(messages: [.user("When to plant?")], temperature: 0, maxTokens: 10)
        var warmer = request
        warmer.temperature = 0.7
        #expect(CacheKey(modelID: "m", request: request) == CacheKey(modelID: "m", request: request))
        #expect(CacheKey(modelID: "m", request: request) != CacheKey(modelID: "m", request: warmer))
        #expect(CacheKey(modelID: "m", request: request) != CacheKey(modelID: "n", request: request))
        #expect(CacheKey(modelID: "m", request: request).digest.count == 64)
    }

    @Test("tokens are counted per step as the endpoint reports them")
    func tokenAccounting() async throws {
        let server = try await FakeChatServer.start(responder: { ScriptedTeacher.reply($0) })
        defer { Task { await server.stop() } }
        let ledger = UsageLedger()
        let pipeline = try await SynthesisFixtures.pipeline(
            try SynthesisFixtures.client(server.baseURL),
            settings: SynthesisFixtures.settings(.facts(questionsPerFact: 1, maxFactsPerSection: 2), limit: 2), ledger: ledger)
        let result = try await pipeline.run()
        // The fake server reports prompt tokens as the words of the request's messages.
        func words(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }
        let steps: [String: ScriptedTeacher.Kind] = ["structure": .structure, "facts": .facts, "questions": .factQuestions, "answer": .teacher]
        for (step, kind) in steps {
            let requests = server.requests.filter { ScriptedTeacher.kind($0) == kind }
            let usage = try #require(ledger.snapshot.first { $0.step == step })
            #expect(usage.requests == requests.count, "\(step)")
            #expect(usage.promptTokens == requests.reduce(0) { $0 + $1.messages.reduce(0) { $0 + words($1.content) } }, "\(step)")
        }
        let answer = try #require(ledger.snapshot.first { $0.step == "answer" })
        #expect(answer.completionTokens == answer.requests * words("Plant maize when the long rains start [1]. Space rows 75 cm apart [1]."))
        #expect(result.report.totalUsage.requests == server.requests.count)
        #expect(result.report.usage.map(\.step).sorted() == ["answer", "facts", "questions", "structure"])
    }
}

extension JSONDecoder {
    static var iso: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
