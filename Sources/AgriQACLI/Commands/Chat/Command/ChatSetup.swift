import AgriQAChatModel
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import AgriQAServer
import Foundation

/// Builds the chat's backend from the command's options: a running server (`--server`), or the
/// local index with the same model, gazetteer and embedder set-up as `agriqa ask`.
struct ChatSetup {
    var backend: any ChatBackend
    /// The child llama-server of `--model local`, to stop when the chat ends.
    var localModel: LocalModelServer?

    static func make(_ command: ChatCommand) async throws -> ChatSetup {
        if let server = command.server { return try await remote(server, command: command) }
        let index = try command.indexOptions.openExisting()
        let gazetteer: Gazetteer
        do {
            gazetteer = try command.gazetteerOptions.load(remembered: try index.rememberedGazetteers())
        } catch let error as IndexError {
            throw CLIError(error.description)
        }
        let setup = try await ChatModelSetup.make(command.modelOptions, configFile: nil)
        if command.mode == .model && setup.model == nil {
            setup.localServer?.stop()
            throw CLIError(
                "--mode model needs a chat model; give --model-url URL (or AGRIQA_MODEL_URL), or --model local.")
        }
        let embedder = await QueryEmbedder.make(for: index, options: command.embedderOptions)
        let searcher = HybridSearcher(index: index, embedder: embedder, gazetteer: gazetteer, lexicalPostings: .background)
        let backend = LocalChatBackend(
            indexPath: command.indexOptions.path, index: index, searcher: searcher, gazetteer: gazetteer, model: setup.model,
            modelConfiguration: (setup.model as? OpenAICompatibleChatModel)?.configuration)
        return ChatSetup(backend: backend, localModel: setup.localServer)
    }

    /// Extra time a server is given beyond its model's own timeout, so that its fallback answer
    /// (which it sends after the model timed out) still arrives.
    static let serverAllowance = 60.0

    private static func remote(_ server: String, command: ChatCommand) async throws -> ChatSetup {
        let modelSeconds = command.modelOptions.modelTimeout ?? 120
        let backend: RemoteChatBackend
        do {
            backend = RemoteChatBackend(
                baseURL: try RemoteChatBackend.baseURL(from: server),
                apiKey: ProcessInfo.processInfo.environment["AGRIQA_API_KEY"],
                timeout: .milliseconds(Int((modelSeconds + serverAllowance) * 1000)), idleTimeout: .seconds(serverAllowance))
            try await backend.checkReachable()
        } catch {
            throw CLIError(error.description)
        }
        return ChatSetup(backend: backend)
    }
}
