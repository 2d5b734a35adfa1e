import AgriQAChatModel
import Testing

@testable import AgriQAAnswering

@Suite struct QuestionRewriterTests {
    static let history: [ChatMessage] = [
        .user("When should I plant corn in Iowa?"),
        .assistant("Plant corn when the soil reaches 50 degrees F, usually from mid-April [1]."),
    ]

    @Test func heuristicAddsThePreviousQuestionsMissingWords() {
        #expect(
            QuestionRewriter.heuristic("How deep should it go?", history: Self.history)
                == "How deep should it go? (context: plant corn iowa)")
        #expect(
            QuestionRewriter.heuristic("What about soybeans?", history: Self.history)
                == "What about soybeans? (context: plant corn iowa)")
        // Words the follow-up already has are not added again.
        #expect(
            QuestionRewriter.heuristic("And planting depth for corn?", history: Self.history)
                == "And planting depth for corn? (context: iowa)")
    }

    @Test func heuristicLeavesStandaloneQuestionsAlone() {
        #expect(QuestionRewriter.heuristic("Which fungicides control stripe rust on winter wheat in Washington?", history: Self.history) == nil)
        #expect(QuestionRewriter.heuristic("How deep should it go?", history: []) == nil)
        #expect(QuestionRewriter.heuristic("How deep should it go?", history: [.assistant("Plant corn early.")]) == nil)
    }

    @Test func heuristicUsesEarlierQuestionsMostRecentFirst() {
        let history: [ChatMessage] = [.user("Stripe rust on winter wheat"), .assistant("…"), .user("Is spraying worth it?"), .assistant("…")]
        #expect(
            QuestionRewriter.heuristic("When should that happen?", history: history, maximumAddedWords: 3)
                == "When should that happen? (context: spraying worth stripe)")
    }

    @Test func noHistoryMeansNoModelCall() async throws {
        let model = ScriptedChatModel([])
        let result = try await QuestionRewriter(model: model).rewrite("  How deep should corn go?  ", history: [])
        #expect(result == RewrittenQuestion(question: "How deep should corn go?", method: .unchanged))
        #expect(model.requests.isEmpty)
    }

    @Test func theModelRewritesAFollowUp() async throws {
        let model = ScriptedChatModel([.text("Standalone question: \"How deep should corn be planted in Iowa?\"\nExtra line")])
        let result = try await QuestionRewriter(model: model).rewrite("How deep should it be planted?", history: Self.history)
        #expect(result == RewrittenQuestion(question: "How deep should corn be planted in Iowa?", method: .model))
        let request = try #require(model.requests.first)
        #expect(request.temperature == 0)
        #expect(request.messages.last?.content.contains("Farmer: When should I plant corn in Iowa?") == true)
        #expect(request.messages.last?.content.contains("Follow-up: How deep should it be planted?") == true)
    }

    @Test(arguments: [
        "",
        "   \n  ",
        String(repeating: "corn depth Iowa ", count: 60),
        "What is the price of tractors in Europe today?",
    ])
    func anUnusableRewriteFallsBackToTheHeuristic(reply: String) async throws {
        let model = ScriptedChatModel([.text(reply)])
        let result = try await QuestionRewriter(model: model).rewrite("How deep should it be planted?", history: Self.history)
        #expect(result.method == .heuristic)
        #expect(result.question == "How deep should it be planted? (context: corn iowa)")
        #expect(result.modelFailure == nil)
    }

    @Test func aFailingModelIsReportedAndTheHeuristicUsed() async throws {
        let failure = ChatModelError.unreachable(url: "http://127.0.0.1:9/v1/chat/completions", reason: "connection refused")
        let model = ScriptedChatModel([.failure(failure)])
        let result = try await QuestionRewriter(model: model).rewrite("What about soybeans?", history: Self.history)
        #expect(result.method == .heuristic)
        #expect(result.modelFailure == failure)
    }

    @Test func cancellationAndBadConfigurationAreThrown() async {
        await #expect(throws: AnswerError.cancelled) {
            try await QuestionRewriter(model: ScriptedChatModel([.failure(.cancelled)]))
                .rewrite("What about soybeans?", history: Self.history)
        }
        await #expect(throws: AnswerError.model(.invalidConfiguration("no base URL"))) {
            try await QuestionRewriter(model: ScriptedChatModel([.failure(.invalidConfiguration("no base URL"))]))
                .rewrite("What about soybeans?", history: Self.history)
        }
    }
}
