import AgriQAChatModel
import Foundation
import Testing

@Suite struct ChatModelConfigurationTests {
    private func configuration(_ base: String) throws -> ChatModelConfiguration {
        ChatModelConfiguration(baseURL: try ChatModelConfiguration.baseURL(from: base), model: "m")
    }

    @Test(arguments: [
        ("http://127.0.0.1:8081/v1", "http://127.0.0.1:8081/v1/chat/completions", "http://127.0.0.1:8081/v1/models"),
        ("http://127.0.0.1:8081/v1/", "http://127.0.0.1:8081/v1/chat/completions", "http://127.0.0.1:8081/v1/models"),
        ("http://127.0.0.1:8081", "http://127.0.0.1:8081/v1/chat/completions", "http://127.0.0.1:8081/v1/models"),
        ("http://127.0.0.1:8081/", "http://127.0.0.1:8081/v1/chat/completions", "http://127.0.0.1:8081/v1/models"),
        ("http://127.0.0.1:8081/v1/chat/completions", "http://127.0.0.1:8081/v1/chat/completions", "http://127.0.0.1:8081/v1/models"),
        ("http://127.0.0.1:8081/chat/completions", "http://127.0.0.1:8081/chat/completions", "http://127.0.0.1:8081/models"),
        ("https://api.example.org/openai/v1", "https://api.example.org/openai/v1/chat/completions", "https://api.example.org/openai/v1/models"),
        (
            "https://res.openai.azure.com/openai/deployments/agri?api-version=2024-06-01",
            "https://res.openai.azure.com/openai/deployments/agri/chat/completions?api-version=2024-06-01",
            "https://res.openai.azure.com/openai/deployments/agri/models?api-version=2024-06-01"
        ),
    ])
    func formsRequestURLsFromTheBase(base: String, chat: String, models: String) throws {
        let configuration = try configuration(base)
        #expect(configuration.chatCompletionsURL.absoluteString == chat)
        #expect(configuration.modelsURL.absoluteString == models)
    }

    @Test(arguments: ["ftp://host/v1", "127.0.0.1:8081/v1", "not a url", "", "http:///v1"])
    func rejectsWhatIsNotAnHTTPURL(text: String) {
        #expect(throws: ChatModelError.self) { try ChatModelConfiguration.baseURL(from: text) }
    }

    @Test func defaultsAreValid() throws {
        try configuration("http://127.0.0.1:8081/v1").validate()
    }

    @Test func namesTheBadSetting() throws {
        let base = try configuration("http://127.0.0.1:8081/v1")
        let cases: [(String, (inout ChatModelConfiguration) -> Void)] = [
            ("model id", { $0.model = "  " }),
            ("temperature", { $0.temperature = 2.5 }),
            ("max tokens", { $0.maxTokens = 0 }),
            ("timeout", { $0.timeout = .zero }),
            ("idle timeout", { $0.streamIdleTimeout = .seconds(-1) }),
            ("retries", { $0.maxRetries = -1 }),
            ("header", { $0.apiKeyHeader = "api key:" }),
            ("line break", { $0.apiKey = "abc\ndef" }),
        ]
        for (phrase, change) in cases {
            var configuration = base
            change(&configuration)
            #expect {
                try configuration.validate()
            } throws: { error in
                guard case ChatModelError.invalidConfiguration(let message) = error else { return false }
                return message.contains(phrase)
            }
        }
    }
}
