import Foundation
import Testing

@testable import AgriQACLI

@Suite struct ChatSettingsTests {
    @Test func historyFileFollowsXDGStateHome() {
        #expect(HistoryFile.path(environment: ["XDG_STATE_HOME": "/tmp/state", "HOME": "/home/ana"]) == "/tmp/state/agriqa/chat_history")
        #expect(HistoryFile.path(environment: ["HOME": "/home/ana"]) == "/home/ana/.local/state/agriqa/chat_history")
        // A relative XDG_STATE_HOME is invalid (XDG base directory spec) and ignored, as is an empty one.
        #expect(HistoryFile.path(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/ana"]) == "/home/ana/.local/state/agriqa/chat_history")
        #expect(HistoryFile.path(environment: ["XDG_STATE_HOME": "", "HOME": "/home/ana"]) == "/home/ana/.local/state/agriqa/chat_history")
    }

    @Test func serverURLsAreNormalised() throws {
        #expect(try RemoteChatBackend.baseURL(from: "http://127.0.0.1:8080").absoluteString == "http://127.0.0.1:8080")
        #expect(try RemoteChatBackend.baseURL(from: " http://127.0.0.1:8080/ ").absoluteString == "http://127.0.0.1:8080")
        #expect(try RemoteChatBackend.baseURL(from: "https://agriqa.example.org/v1/").absoluteString == "https://agriqa.example.org")
        #expect(throws: ChatError.self) { try RemoteChatBackend.baseURL(from: "127.0.0.1:8080") }
        #expect(throws: ChatError.self) { try RemoteChatBackend.baseURL(from: "ftp://host") }
    }

    @Test func locationErrorsCarrySuggestions() {
        let error = ChatError.location(message: "Unknown location \"Whitmn\".", suggestions: ["Whitman County (US-WA/53075)"])
        #expect(error.description == "Unknown location \"Whitmn\". Did you mean: Whitman County (US-WA/53075)?")
        #expect(error.suggestions == ["Whitman County (US-WA/53075)"])
    }
}
