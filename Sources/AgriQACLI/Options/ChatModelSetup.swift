import AgriQAChatModel
import AgriQAServer
import Foundation

/// Decides which chat model answers: `--model local` starts the opt-in llama-server child process;
/// `--model-url` / `AGRIQA_MODEL_URL` (flags and environment, through ``ModelOptions``) name a
/// running endpoint; otherwise the configuration file's `model` section; otherwise none (the
/// extractive answerer answers).
struct ChatModelSetup {
    var model: (any ChatModel)?
    /// The child llama-server, to stop when the command ends.
    var localServer: LocalModelServer?

    /// The `model` section of a server configuration file.
    struct FileSettings: Decodable {
        var url: String?
        var id: String?
        var apiKeyEnv: String?
        var timeoutSeconds: Double?
        var maxTokens: Int?
        var temperature: Double?
    }

    static func make(_ options: ModelOptions, configFile: String?) async throws -> ChatModelSetup {
        if options.wantsLocalModel {
            let server: LocalModelServer
            do {
                server = try LocalModelServer(installation: try LocalModelServer.Installation.locate())
                Terminal.writeError("starting the local model (llama-server, \(server.modelID)) on port \(server.port)…\n")
                try await server.start()
            } catch {
                throw CLIError(error.description)
            }
            do {
                let url = try ChatModelConfiguration.baseURL(from: server.baseURL)
                var configuration = try options.configuration(baseURL: url)
                configuration.model = server.modelID
                // On a CPU the prompt (sources included) takes seconds to read before the first token:
                // give the local model more room than a GPU-served endpoint needs.
                configuration.streamIdleTimeout = max(configuration.streamIdleTimeout, .seconds(120))
                configuration.timeout = max(configuration.timeout, .seconds(300))
                return ChatModelSetup(model: try OpenAICompatibleChatModel(configuration: configuration), localServer: server)
            } catch {
                server.stop()
                throw CLIError("\(error)")
            }
        }
        if let model = try options.makeChatModel() { return ChatModelSetup(model: model) }
        guard let configFile, let settings = try fileSettings(configFile), let urlText = settings.url else {
            return ChatModelSetup()
        }
        do {
            var configuration = try options.configuration(baseURL: try ChatModelConfiguration.baseURL(from: urlText))
            if let id = settings.id { configuration.model = id }
            if let name = settings.apiKeyEnv { configuration.apiKey = ProcessInfo.processInfo.environment[name] }
            if let seconds = settings.timeoutSeconds { configuration.timeout = .milliseconds(Int64(seconds * 1000)) }
            if let tokens = settings.maxTokens { configuration.maxTokens = tokens }
            if let temperature = settings.temperature { configuration.temperature = temperature }
            try configuration.validate()
            return ChatModelSetup(model: try OpenAICompatibleChatModel(configuration: configuration))
        } catch let error as ChatModelError {
            throw CLIError("\(configFile), model: \(error.description)")
        }
    }

    static func fileSettings(_ path: String) throws -> FileSettings? {
        struct File: Decodable { var model: FileSettings? }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(File.self, from: data).model
        } catch {
            throw CLIError("\(path): the model section is malformed (\(error))")
        }
    }
}
