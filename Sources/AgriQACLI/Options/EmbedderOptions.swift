import AgriQAEmbedding
import ArgumentParser
import Foundation

/// Which embedder computes chunk vectors: the built-in local model (default) or a remote
/// OpenAI-compatible `/v1/embeddings` endpoint.
struct EmbedderOptions: ParsableArguments {
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case local
        case remote
    }

    @Option(help: ArgumentHelp("local (built-in model) or remote (OpenAI-compatible /v1/embeddings). Also AGRIQA_EMBEDDER."))
    var embedder: Kind?

    @Option(
        help: ArgumentHelp(
            "Model directory for the local embedder (default: $AGRIQA_MODEL_DIR, $XDG_CACHE_HOME/agriqa/models or ~/.cache/agriqa/models, + /all-MiniLM-L6-v2; fetched by scripts/fetch-model.sh).",
            valueName: "dir"))
    var modelDir: String?

    @Option(help: ArgumentHelp("Base URL of the remote embeddings endpoint, e.g. http://127.0.0.1:8080/v1. Also AGRIQA_EMBEDDING_URL.", valueName: "url"))
    var embeddingURL: String?

    @Option(help: ArgumentHelp("Model id for the remote endpoint. Also AGRIQA_EMBEDDING_MODEL. API key: AGRIQA_EMBEDDING_API_KEY.", valueName: "id"))
    var embeddingModel: String?

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    var kind: Kind {
        embedder ?? environment["AGRIQA_EMBEDDER"].flatMap(Kind.init(rawValue:)) ?? .local
    }

    func make() async throws -> any TextEmbedder {
        switch kind {
        case .local:
            let directory = modelDir.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? LocalSentenceEmbedder.defaultModelDirectory()
            do {
                return try LocalSentenceEmbedder(modelDirectory: directory)
            } catch {
                throw CLIError(error.description)
            }
        case .remote:
            return try await makeRemote()
        }
    }
}
