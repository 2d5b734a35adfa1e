import AgriQAAnswering
import Testing

@testable import AgriQACLI

@Suite struct ChatInputTests {
    @Test func questionsAndBlankLines() throws {
        #expect(try ChatInput.parse("  When do I seed winter wheat?  ") == .question("When do I seed winter wheat?"))
        #expect(try ChatInput.parse("   ") == .empty)
        #expect(try ChatInput.parse("//usr is not a command") == .question("/usr is not a command"))
    }

    @Test func commandsWithArguments() throws {
        #expect(try ChatInput.parse("/location Whitman County, Washington") == .command(.location("Whitman County, Washington")))
        #expect(try ChatInput.parse("/location") == .command(.location(nil)))
        #expect(try ChatInput.parse("/location none") == .command(.clearLocation))
        #expect(try ChatInput.parse("/open 2") == .command(.open(2)))
        #expect(try ChatInput.parse("/open [3]") == .command(.open(3)))
        #expect(try ChatInput.parse("/MODE Extractive") == .command(.mode(.extractive)))
        #expect(try ChatInput.parse("/mode") == .command(.mode(nil)))
        #expect(try ChatInput.parse("/model agriqa-ft") == .command(.model("agriqa-ft")))
        #expect(try ChatInput.parse("/k 10") == .command(.k(10)))
        #expect(try ChatInput.parse("/save notes/wheat chat.md") == .command(.save("notes/wheat chat.md")))
        #expect(try ChatInput.parse("/sources") == .command(.sources))
        #expect(try ChatInput.parse("/clear") == .command(.clear))
        #expect(try ChatInput.parse("/help") == .command(.help))
        #expect(try ChatInput.parse("/quit") == .command(.quit))
    }

    @Test func aliases() throws {
        #expect(try ChatInput.parse("/exit") == .command(.quit))
        #expect(try ChatInput.parse("/q") == .command(.quit))
        #expect(try ChatInput.parse("/?") == .command(.help))
        #expect(try ChatInput.parse("/loc IN-TN") == .command(.location("IN-TN")))
    }

    @Test func malformedArgumentsSayWhatIsWanted() {
        #expect(throws: ChatError.self) { try ChatInput.parse("/open") }
        #expect(throws: ChatError.self) { try ChatInput.parse("/open zero") }
        #expect(throws: ChatError.self) { try ChatInput.parse("/open 0") }
        #expect(throws: ChatError.self) { try ChatInput.parse("/k 0") }
        #expect(throws: ChatError.self) { try ChatInput.parse("/k 51") }
        #expect(throws: ChatError.self) { try ChatInput.parse("/mode fast") }
        #expect(throws: ChatError.self) { try ChatInput.parse("/save") }
        #expect(throws: ChatError.self) { try ChatInput.parse("/sources 3") }
        do {
            _ = try ChatInput.parse("/k many")
            Issue.record("expected a usage error")
        } catch {
            #expect(error.description.contains("1 to 50"))
        }
    }

    @Test func unknownCommandsSuggestTheClosest() {
        do {
            _ = try ChatInput.parse("/locaton Iowa")
            Issue.record("expected an unknown command")
        } catch {
            #expect(error == .unknownCommand("/locaton", suggestion: "/location"))
            #expect(error.description.contains("Did you mean /location?"))
            #expect(error.description.contains("/help"))
        }
        do {
            _ = try ChatInput.parse("/sav x.md")
            Issue.record("expected an unknown command")
        } catch {
            #expect(error == .unknownCommand("/sav", suggestion: "/save"))
        }
        do {
            _ = try ChatInput.parse("/frobnicate")
            Issue.record("expected an unknown command")
        } catch {
            #expect(error == .unknownCommand("/frobnicate", suggestion: nil))
        }
    }
}
