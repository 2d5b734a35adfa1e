import AgriQAAnswering
import AgriQAEmbedding
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import AgriQAServer
import ArgumentParser
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API and the farmers' web page over the index.",
        discussion: """
            Endpoints: POST /v1/ask (JSON or server-sent events), POST /v1/search, GET|POST /v1/documents, \
            DELETE /v1/documents/{id}, GET /v1/jobs/{id}, GET /v1/chunks/{id}, GET /v1/regions?q=, \
            POST /v1/chat/completions (OpenAI-compatible), GET /healthz, /readyz, /metrics, /openapi.json, and the \
            web page at /. Reference: docs/server.md.

            Settings come from defaults, then --config FILE (JSON), then environment variables (AGRIQA_PORT, \
            AGRIQA_INDEX, AGRIQA_API_KEYS, AGRIQA_MODEL_URL, …), then flags. Without a chat model the extractive \
            answerer answers; with --model-url (or --model local after scripts/install-local-model.sh) the model \
            answers and the extractive answerer is the fallback. Uploads and deletes need an API key (apiKeys / \
            --api-key-file); with none configured they are disabled. SIGTERM or Ctrl-C stop the server gracefully.
            """)

    @Option(help: "Port to listen on (0: any free port). Default 8080, or the config file's / AGRIQA_PORT.")
    var port: Int?

    @Option(help: "Interface to listen on: 127.0.0.1 (default, local only) or 0.0.0.0 (all).")
    var host: String?

    @Option(help: ArgumentHelp("A JSON configuration file (keys in docs/server.md).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("A file of API keys, one per line.", valueName: "file"))
    var apiKeyFile: String?

    @Flag(help: "Require an API key for read endpoints too (ask, search, documents, regions).")
    var requireKeyForReads = false

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var embedderOptions: EmbedderOptions
    @OptionGroup var modelOptions: ModelOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var configuration: ServerConfiguration
        do {
            configuration = try ServerConfigurationLoader.load(file: config, environment: environment)
        } catch {
            throw CLIError(error.description)
        }
        if let port { configuration.port = port }
        if let host { configuration.host = host }
        if indexOptions.index != nil || config == nil { configuration.index = indexOptions.path }
        if let apiKeyFile { configuration.apiKeysFile = apiKeyFile }
        if requireKeyForReads { configuration.requireKeyForReads = true }
        configuration.gazetteers += gazetteerOptions.gazetteer

        guard FileManager.default.fileExists(atPath: configuration.index) else {
            throw CLIError("no index at \(configuration.index); build one with `agriqa ingest PATH... --index \(configuration.index)` (scripts/run.sh builds the sample one).")
        }
        let index: KnowledgeIndex
        let gazetteer: Gazetteer
        do {
            index = try KnowledgeIndex(path: configuration.index)
            gazetteer = try GazetteerOptions.load(files: configuration.gazetteers, remembered: try index.rememberedGazetteers())
        } catch let error as IndexError {
            throw CLIError(error.description)
        }
        let embedder = await QueryEmbedder.make(for: index, options: embedderOptions)
        let setup = try await ChatModelSetup.make(modelOptions, configFile: config)
        // BM25 from in-memory postings, read in the background (FTS5 answers until they are ready).
        let searcher = HybridSearcher(index: index, embedder: embedder, gazetteer: gazetteer, lexicalPostings: .background)
        do { try searcher.preload() } catch { throw CLIError("cannot load the index for searching: \(error)") }
        let answers = AnswerService(searcher: searcher, model: setup.model, gazetteer: gazetteer)
        let serverEnvironment: ServerEnvironment
        do {
            serverEnvironment = try ServerEnvironment(
                configuration: configuration, index: index, gazetteer: gazetteer, searcher: searcher, answers: answers,
                model: setup.model, workerExecutable: Self.ownExecutable())
        } catch {
            setup.localServer?.stop()
            throw CLIError(error.description)
        }
        var logger = Logger(label: "agriqa")
        logger.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .notice
        let mode = setup.model.map { "model \($0.modelID) (extractive fallback)" } ?? "extractive (no chat model configured)"
        let keys = serverEnvironment.apiKeys.isEmpty ? "uploads disabled (no API keys)" : "\(serverEnvironment.apiKeys.count) API key(s)"
        let host = configuration.host
        let indexPath = configuration.index
        do {
            try await AgriQAHTTPServer.run(serverEnvironment, logger: logger) { port in
                let shown = host == "0.0.0.0" ? "127.0.0.1" : host
                Terminal.writeError("AgriQA serving \(indexPath) — answers: \(mode); \(keys)\n")
                Terminal.write("Listening on http://\(shown):\(port)/   (API: /v1/ask, docs: /openapi.json; Ctrl-C to stop)\n")
            }
        } catch {
            setup.localServer?.stop()
            throw CLIError("the server stopped: \(error)")
        }
        setup.localServer?.stop()
    }

    /// This process's executable: the upload worker runs `agriqa ingest` from the same binary.
    static func ownExecutable() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
