import AgriQAChatModel
import ArgumentParser
import Foundation

/// The chat model that writes answers: any OpenAI-compatible `/v1/chat/completions` endpoint
/// (llama.cpp server, vLLM, Ollama, OpenAI, Azure OpenAI). Shared by `ask`, `serve`, `exam`,
/// `chat` and `synth`. Without a URL there is no model and answers are extractive.
///
/// Flags win over environment variables; the API key is only ever read from the environment,
/// so it never shows in `ps` or shell history.
struct ModelOptions: ParsableArguments {
    @Option(
        name: .customLong("model-url"),
        help: ArgumentHelp(
            "Base URL of an OpenAI-compatible chat endpoint, e.g. http://127.0.0.1:8081/v1 (a URL without a path gets /v1). Also AGRIQA_MODEL_URL. Without one, answers are extractive (sentences picked from the sources).",
            valueName: "url"))
    var modelURL: String?

    @Option(
        name: .customLong("model"),
        help: ArgumentHelp(
            "Model id sent with each request (the id the endpoint serves; llama-server accepts any); 'local' runs the bundled llama-server instead of using --model-url. Also AGRIQA_MODEL. Default: \(Self.defaultModel).",
            valueName: "id"))
    var model: String?

    @Option(
        name: .customLong("model-api-key-env"),
        help: ArgumentHelp(
            "Name of the environment variable that holds the endpoint's API key, sent as 'Authorization: Bearer'. Default: \(Self.defaultAPIKeyVariable) (no key when it is unset).",
            valueName: "name"))
    var modelAPIKeyEnv: String?

    @Option(
        name: .customLong("model-api-key-header"),
        help: ArgumentHelp(
            "Send the API key in this header instead of 'Authorization: Bearer' (Azure OpenAI: api-key). Also AGRIQA_MODEL_API_KEY_HEADER.",
            valueName: "name"))
    var modelAPIKeyHeader: String?

    @Option(help: ArgumentHelp("Sampling temperature, 0 to 2; 0 is the most repeatable. Default: 0.2.", valueName: "t"))
    var temperature: Double?

    @Option(help: ArgumentHelp("Most tokens the model may write per answer. Default: 512.", valueName: "n"))
    var maxTokens: Int?

    @Option(
        name: .customLong("model-timeout"),
        help: ArgumentHelp(
            "Seconds allowed for one model answer, from the request to its last word; a stream silent for 30 s also times out. Default: 120.",
            valueName: "seconds"))
    var modelTimeout: Double?

    @Option(
        name: .customLong("model-retries"),
        help: ArgumentHelp(
            "Retries after a 408, 429 or 5xx answer or a connection failure, with backoff (and Retry-After). Default: 2.",
            valueName: "n"))
    var modelRetries: Int?

    static let defaultModel = "agriqa"
    static let localModel = "local"
    static let defaultAPIKeyVariable = "AGRIQA_MODEL_API_KEY"
    static let maxTimeout = 86_400.0

    func validate() throws {
        if let temperature, !(temperature.isFinite && (0...2).contains(temperature)) {
            throw ValidationError("--temperature must be between 0 and 2")
        }
        if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1") }
        if let modelTimeout, !(modelTimeout.isFinite && modelTimeout > 0 && modelTimeout <= Self.maxTimeout) {
            throw ValidationError("--model-timeout must be a positive number of seconds, at most \(Int(Self.maxTimeout))")
        }
        if let modelRetries, !(0...20).contains(modelRetries) {
            throw ValidationError("--model-retries must be between 0 and 20")
        }
    }

    /// `--model local` (or `AGRIQA_MODEL=local`): run the bundled llama-server as a child process
    /// instead of calling an endpoint at a URL.
    var wantsLocalModel: Bool { modelID(environment: ProcessInfo.processInfo.environment) == Self.localModel }

    /// The configured chat model, or nil when no URL is given (the extractive answerer is used).
    func makeChatModel(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (any ChatModel)? {
        guard let urlText = Self.value(modelURL, "AGRIQA_MODEL_URL", environment) else { return nil }
        let baseURL: URL
        do {
            baseURL = try ChatModelConfiguration.baseURL(from: urlText)
        } catch {
            throw CLIError(error.description)
        }
        let configuration = try configuration(baseURL: baseURL, environment: environment)
        do {
            return try OpenAICompatibleChatModel(configuration: configuration)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The client configuration for an endpoint at `baseURL`, with the model id, API key and
    /// limits these options and `environment` give.
    func configuration(
        baseURL: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ChatModelConfiguration {
        let keyVariable = modelAPIKeyEnv ?? Self.defaultAPIKeyVariable
        let apiKey = environment[keyVariable].flatMap { $0.isEmpty ? nil : $0 }
        if apiKey == nil, modelAPIKeyEnv != nil {
            throw CLIError(
                "--model-api-key-env names \(keyVariable), but that variable is not set; export it with the key, or leave the flag out for an endpoint without a key")
        }
        var configuration = ChatModelConfiguration(
            baseURL: baseURL, model: modelID(environment: environment), apiKey: apiKey,
            apiKeyHeader: Self.value(modelAPIKeyHeader, "AGRIQA_MODEL_API_KEY_HEADER", environment))
        if let temperature { configuration.temperature = temperature }
        if let maxTokens { configuration.maxTokens = maxTokens }
        if let modelTimeout, modelTimeout.isFinite, modelTimeout > 0 {
            configuration.timeout = .milliseconds(Int((min(modelTimeout, Self.maxTimeout) * 1000).rounded()))
        }
        if let modelRetries { configuration.maxRetries = modelRetries }
        do {
            try configuration.validate()
        } catch {
            throw CLIError(error.description)
        }
        return configuration
    }

    /// `--model`, else `AGRIQA_MODEL`, else ``defaultModel``.
    func modelID(environment: [String: String]) -> String {
        Self.value(model, "AGRIQA_MODEL", environment) ?? Self.defaultModel
    }

    /// The flag, else the environment variable; blank counts as unset.
    private static func value(_ flag: String?, _ variable: String, _ environment: [String: String]) -> String? {
        let text = (flag ?? environment[variable])?.trimmingCharacters(in: .whitespacesAndNewlines)
        return text?.isEmpty == false ? text : nil
    }
}
