import AgriQAChatModel
import AgriQADomain
import AgriQAGeography
import AgriQARetrieval
import Foundation
import Testing

@testable import AgriQAAnswering

/// The service over a small real index (BM25; no embedder) with a scripted chat model.
@Suite(.enabled(if: Fixtures.gazetteer != nil)) struct AnswerServiceTests {
    let folder: Fixtures.TemporaryFolder
    let gazetteer: Gazetteer
    let searcher: HybridSearcher

    init() throws {
        folder = try Fixtures.TemporaryFolder()
        gazetteer = try #require(Fixtures.gazetteer)
        let index = try Fixtures.sampleIndex(in: folder, gazetteer: gazetteer)
        searcher = HybridSearcher(index: index, embedder: nil, gazetteer: gazetteer)
    }

    func service(_ model: ScriptedChatModel?) -> AnswerService {
        AnswerService(searcher: searcher, model: model, gazetteer: gazetteer)
    }

    func washington() throws -> Region { try #require(gazetteer.region("US-WA")) }

    static let wheatQuestion = "When should I seed winter wheat?"

    /// Every event of a streamed answer (the test's upper bound on waiting is the model's script).
    func events(_ service: AnswerService, _ request: AnswerRequest) async throws -> [AnswerEvent] {
        var events: [AnswerEvent] = []
        for try await event in service.stream(request) { events.append(event) }
        return events
    }

    @Test func aModelAnswerWithValidCitations() async throws {
        let model = ScriptedChatModel([.text("Seed from late September to mid-October [1].", usage: TokenUsage(promptTokens: 300, completionTokens: 12))])
        let answer = try await service(model).answer(AnswerRequest(question: Self.wheatQuestion, location: washington()))
        #expect(answer.mode == .model)
        #expect(answer.model == "scripted-model")
        #expect(answer.answer == "Seed from late September to mid-October [1].")
        #expect(answer.citations.first?.title == "Winter Wheat in Eastern Washington")
        #expect(answer.citations.first?.used == true)
        #expect(answer.citations.dropFirst().allSatisfy { !$0.used })
        #expect(answer.citations.first?.relation == .same)
        #expect(!answer.uncited && answer.removedCitations.isEmpty && answer.warnings.isEmpty)
        #expect(answer.location == AnswerLocation(code: "US-WA", name: "Washington"))
        #expect(answer.usage?.totalTokens == 312)
        #expect(answer.promptVersion == PromptBuilder.promptVersion)
        #expect(answer.regionNote == nil)
        #expect(answer.retrievalMode == .bm25)
        #expect(answer.timings.totalMs >= answer.timings.retrievalMs)
        // The prompt carried the numbered sources and the location.
        let prompt = try #require(model.requests.first?.messages.last?.content)
        #expect(prompt.contains("[1] Winter Wheat in Eastern Washington"))
        #expect(prompt.contains("Farmer's location: Washington"))
        #expect(prompt.contains("Question: \(Self.wheatQuestion)"))
        #expect(model.calls == [.complete])
    }

    @Test func unknownCitationMarkersAreRemovedAndReported() async throws {
        let model = ScriptedChatModel([.text("Seed in late September [1][7]. Apply nitrogen in fall [9].")])
        let answer = try await service(model).answer(AnswerRequest(question: Self.wheatQuestion, location: washington()))
        #expect(answer.mode == .model)
        #expect(answer.answer == "Seed in late September [1]. Apply nitrogen in fall.")
        #expect(answer.removedCitations == [7, 9])
        #expect(answer.warnings.contains { $0.contains("[7], [9]") })
        #expect(!answer.uncited)
    }

    @Test func anAnswerWithoutCitationsIsFlagged() async throws {
        let model = ScriptedChatModel([.text("Seed in late September.")])
        let answer = try await service(model).answer(AnswerRequest(question: Self.wheatQuestion))
        #expect(answer.mode == .model)
        #expect(answer.uncited)
        #expect(answer.citations.allSatisfy { !$0.used })
        #expect(answer.warnings.contains { $0.contains("cites no source") })
    }

    @Test(arguments: [
        ChatModelError.unreachable(url: "http://127.0.0.1:9/v1/chat/completions", reason: "connection refused"),
        ChatModelError.timedOut(url: "http://127.0.0.1:9/v1/chat/completions", seconds: 30),
        ChatModelError.malformedResponse(url: "http://127.0.0.1:9/v1/chat/completions", reason: "no choices"),
        ChatModelError.http(url: "http://127.0.0.1:9/v1/chat/completions", status: 503, body: "overloaded"),
    ])
    func aFailingModelFallsBackToTheExtractiveAnswer(failure: ChatModelError) async throws {
        let model = ScriptedChatModel([.failure(failure)])
        let answer = try await service(model).answer(AnswerRequest(question: Self.wheatQuestion, location: washington()))
        #expect(answer.mode == .extractiveFallback)
        #expect(answer.model == "scripted-model")
        #expect(answer.answer.hasPrefix("On the Palouse, seed winter wheat from late September to mid-October"))
        #expect(answer.answer.contains("[1]"))
        #expect(answer.citations.first?.used == true)
        #expect(answer.warnings == ["the chat model failed (\(failure)); this answer is extractive, from the retrieved sources."])
        #expect(answer.promptVersion == nil)
    }

    @Test func anEmptyModelAnswerIsGarbage() async throws {
        let answer = try await service(ScriptedChatModel([.text("  \n")])).answer(AnswerRequest(question: Self.wheatQuestion))
        #expect(answer.mode == .extractiveFallback)
        #expect(answer.warnings.first?.contains("the answer was empty") == true)
    }

    @Test func failuresTheFallbackMustNotHideAreThrown() async throws {
        await #expect(throws: AnswerError.model(.invalidConfiguration("no base URL"))) {
            try await service(ScriptedChatModel([.failure(.invalidConfiguration("no base URL"))]))
                .answer(AnswerRequest(question: Self.wheatQuestion))
        }
        await #expect(throws: AnswerError.cancelled) {
            try await service(ScriptedChatModel([.failure(.cancelled)])).answer(AnswerRequest(question: Self.wheatQuestion))
        }
    }

    @Test func streamingSendsSourcesDeltasAndTheCheckedAnswer() async throws {
        let model = ScriptedChatModel([.pieces(["Seed in late ", "September [1]", "[8]."])])
        let events = try await events(service(model), AnswerRequest(question: Self.wheatQuestion, location: washington()))
        #expect(events.map(\.name) == ["sources", "delta", "delta", "delta", "done"])
        guard case .sources(let citations) = events.first, case .done(let answer) = events.last else {
            Issue.record("expected sources first and done last")
            return
        }
        #expect(citations.first?.title == "Winter Wheat in Eastern Washington")
        #expect(citations.allSatisfy { !$0.used })
        #expect(answer.mode == .model)
        #expect(answer.answer == "Seed in late September [1].")
        #expect(answer.removedCitations == [8])
        #expect(model.calls == [.stream])
    }

    @Test func aStreamFailingAfterDeltasEndsWithTheExtractiveFallback() async throws {
        let failure = ChatModelError.timedOut(url: "http://127.0.0.1:9/v1/chat/completions", seconds: 5)
        let model = ScriptedChatModel([.piecesThenFailure(["Seed in ", "late"], failure)])
        let events = try await events(service(model), AnswerRequest(question: Self.wheatQuestion, location: washington()))
        #expect(events.map(\.name) == ["sources", "delta", "delta", "done"])
        guard case .done(let answer) = events.last else {
            Issue.record("expected done last")
            return
        }
        #expect(answer.mode == .extractiveFallback)
        #expect(answer.answer.contains("[1]"))
        #expect(answer.warnings.count == 1)
        #expect(answer.warnings.first?.contains("the streamed text was discarded") == true)
        #expect(answer.warnings.first?.contains(failure.description) == true)
    }

    @Test func aStreamFailingBeforeAnyDeltaStreamsTheExtractiveText() async throws {
        let model = ScriptedChatModel([.failure(.unreachable(url: "http://127.0.0.1:9", reason: "refused"))])
        let events = try await events(service(model), AnswerRequest(question: Self.wheatQuestion))
        #expect(events.map(\.name) == ["sources", "delta", "done"])
        guard case .delta(let text) = events[1], case .done(let answer) = events[2] else {
            Issue.record("expected a delta then done")
            return
        }
        #expect(text == answer.answer)
        #expect(answer.mode == .extractiveFallback)
        #expect(answer.warnings.first?.contains("streamed") == false)
    }

    @Test func nothingRetrievedMeansNoModelCall() async throws {
        let model = ScriptedChatModel([.text("should not be asked [1]")])
        let answer = try await service(model).answer(AnswerRequest(question: "diesel gearbox overhaul torque"))
        #expect(answer.answer == ExtractiveAnswerer.nothingRelevant)
        #expect(answer.citations.isEmpty)
        #expect(answer.notices.contains("nothing in the index matches."))
        #expect(model.requests.isEmpty)
        let events = try await events(service(model), AnswerRequest(question: "diesel gearbox overhaul torque"))
        #expect(events.map(\.name) == ["sources", "delta", "done"])
        #expect(model.requests.isEmpty)
    }

    @Test func extractiveModeNeedsNoModel() async throws {
        let model = ScriptedChatModel([])
        let answer = try await service(model).answer(
            AnswerRequest(question: "How much nitrogen does winter wheat need?", location: washington(), mode: .extractive))
        #expect(answer.mode == .extractive)
        #expect(answer.model == nil)
        #expect(answer.answer.contains("2.5 lb of nitrogen per bushel of expected yield [1]."))
        #expect(model.requests.isEmpty)
        let noModel = try await service(nil).answer(AnswerRequest(question: "How much nitrogen does winter wheat need?"))
        #expect(noModel.mode == .extractive)
    }

    @Test func evidenceFromAnotherRegionIsSaid() async throws {
        let iowa = try #require(gazetteer.region("US-IA"))
        let answer = try await service(nil).answer(AnswerRequest(question: "When should I seed winter wheat?", location: iowa))
        let note = "No Iowa-specific source was found; this comes from Washington guidance."
        #expect(answer.regionNote == note)
        #expect(answer.answer.hasPrefix(note))
        #expect(answer.notices.contains { $0.hasPrefix("no Iowa-specific source found") })
    }

    @Test func aFollowUpIsRewrittenByTheModelBeforeRetrieval() async throws {
        let model = ScriptedChatModel([
            .text("How much nitrogen does winter wheat need?"),
            .text("About 2.5 lb of nitrogen per bushel [1]."),
        ])
        let request = try AnswerRequest(
            question: "How much nitrogen does it need?", location: washington(),
            history: [.user("When should I seed winter wheat?"), .assistant("From late September [1].")])
        let answer = try await service(model).answer(request)
        #expect(answer.standaloneQuestion == "How much nitrogen does winter wheat need?")
        #expect(answer.rewriteMethod == .model)
        #expect(answer.question == "How much nitrogen does it need?")
        #expect(answer.citations.first?.section == "Nitrogen")
        #expect(answer.mode == .model)
        #expect(model.requests.count == 2)
        #expect(model.requests[0].messages.last?.content.contains("Follow-up: How much nitrogen does it need?") == true)
        #expect(model.requests[1].messages.last?.content.contains("Question: How much nitrogen does winter wheat need?") == true)
    }

    @Test func aFollowUpIsExpandedWithoutAModel() async throws {
        let request = AnswerRequest(
            question: "What about nitrogen?", history: [.user("When should I seed winter wheat?"), .assistant("From late September [1].")])
        let answer = try await service(nil).answer(request)
        #expect(answer.rewriteMethod == .heuristic)
        #expect(answer.standaloneQuestion == "What about nitrogen? (context: seed winter wheat)")
        #expect(answer.citations.first?.section == "Nitrogen")
    }

    @Test func aModelThatFailsWhileRewritingIsNotAskedAgain() async throws {
        let failure = ChatModelError.timedOut(url: "http://127.0.0.1:9", seconds: 20)
        let model = ScriptedChatModel([.failure(failure), .text("never used [1]")])
        let request = AnswerRequest(question: "What about nitrogen?", history: [.user("When should I seed winter wheat?")])
        let answer = try await service(model).answer(request)
        #expect(model.requests.count == 1)
        #expect(answer.mode == .extractiveFallback)
        #expect(answer.rewriteMethod == .heuristic)
        #expect(answer.warnings.first?.contains("while rewriting the follow-up") == true)
        #expect(answer.warnings.first?.contains(failure.description) == true)
    }

    @Test func invalidRequestsAreRefusedBeforeAnyWork() async throws {
        let model = ScriptedChatModel([])
        await #expect(throws: AnswerError.emptyQuestion) { try await service(model).answer(AnswerRequest(question: "  \n ")) }
        await #expect(throws: AnswerError.invalidK(0)) { try await service(model).answer(AnswerRequest(question: "wheat", k: 0)) }
        let long = String(repeating: "w", count: AnswerRequest.maximumQuestionLength + 1)
        await #expect(throws: AnswerError.questionTooLong(length: long.count, limit: AnswerRequest.maximumQuestionLength)) {
            try await service(model).answer(AnswerRequest(question: long))
        }
        await #expect(throws: AnswerError.modelNotConfigured) {
            try await service(nil).answer(AnswerRequest(question: "wheat", mode: .model))
        }
        #expect(model.requests.isEmpty)
        #expect(AnswerError.modelNotConfigured.isRequestError && !AnswerError.retrieval("x").isRequestError)
    }

    @Test func droppingTheStreamCancelsTheModelCall() async throws {
        let model = ScriptedChatModel([.hang])
        let service = service(model)
        let request = AnswerRequest(question: Self.wheatQuestion)
        let consumer = Task {
            var names: [String] = []
            do {
                for try await event in service.stream(request) { names.append(event.name) }
            } catch {
                names.append("error")
            }
            return names
        }
        // Wait (bounded) until the model has been called, then go away.
        for _ in 0..<500 where model.requests.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        #expect(model.calls == [.stream])
        consumer.cancel()
        let names = await consumer.value
        #expect(!names.contains("done"))
        for _ in 0..<500 where model.cancellations == 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(model.cancellations == 1)
    }

    @Test func requestsDecodeWithDefaultsAndAnswersEncodeCamelCase() throws {
        let request = try JSONDecoder().decode(AnswerRequest.self, from: Data(#"{"question": "When to seed wheat?"}"#.utf8))
        #expect(request == AnswerRequest(question: "When to seed wheat?"))
        let full = try JSONDecoder().decode(
            AnswerRequest.self,
            from: Data(
                #"{"question": "q", "k": 3, "mode": "extractive", "history": [{"role": "user", "content": "hi"}], "search": {"mode": "bm25", "perDocument": 1}}"#
                    .utf8))
        #expect(full.k == 3 && full.mode == .extractive && full.history == [.user("hi")])
        #expect(full.search.searchOptions(k: full.k).mode == .bm25)
        #expect(full.search.searchOptions(k: full.k).perDocument == 1)

        let answer = Answer(
            question: "q", answer: "a [1]", citations: [Fixtures.source(1, "t").citation], location: nil,
            mode: .extractiveFallback, standaloneQuestion: "q", removedCitations: [4])
        let json = try #require(String(data: JSONEncoder().encode(answer), encoding: .utf8))
        for key in ["\"standaloneQuestion\"", "\"removedCitations\"", "\"extractive-fallback\"", "\"chunkID\"", "\"pageStart\"", "\"totalMs\""] {
            #expect(json.contains(key))
        }
        #expect(try JSONDecoder().decode(Answer.self, from: Data(json.utf8)) == answer)
    }
}

extension AnswerServiceTests {
    @Test func aModelAnswerOnAnotherRegionsEvidenceSaysSo() async throws {
        let iowa = try #require(gazetteer.region("US-IA"))
        let note = "No Iowa-specific source was found; this comes from Washington guidance."
        let silent = try await service(ScriptedChatModel([.text("Seed from late September [1].")]))
            .answer(AnswerRequest(question: Self.wheatQuestion, location: iowa))
        #expect(silent.mode == .model)
        #expect(silent.regionNote == note)
        #expect(silent.answer == note + " Seed from late September [1].")
        let explicit = try await service(ScriptedChatModel([.text("Washington guidance says: seed from late September [1].")]))
            .answer(AnswerRequest(question: Self.wheatQuestion, location: iowa))
        #expect(explicit.regionNote == note)
        #expect(explicit.answer == "Washington guidance says: seed from late September [1].")
    }
}
