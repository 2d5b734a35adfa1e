import AgriQAEmbedding
import Foundation

extension EmbedderOptions {
    /// Connects to the remote endpoint once to learn its vector dimension.
    func makeRemote() async throws -> any TextEmbedder {
        let environment = ProcessInfo.processInfo.environment
        guard let base = embeddingURL ?? environment["AGRIQA_EMBEDDING_URL"], let url = URL(string: base),
            url.scheme == "http" || url.scheme == "https"
        else {
            throw CLIError("the remote embedder needs --embedding-url (or AGRIQA_EMBEDDING_URL), e.g. http://127.0.0.1:8080/v1")
        }
        guard let model = embeddingModel ?? environment["AGRIQA_EMBEDDING_MODEL"], !model.isEmpty else {
            throw CLIError("the remote embedder needs --embedding-model (or AGRIQA_EMBEDDING_MODEL)")
        }
        let configuration = RemoteEmbedderConfiguration(
            baseURL: url, model: model, apiKey: environment["AGRIQA_EMBEDDING_API_KEY"])
        do {
            return try await RemoteEmbedder.connect(configuration: configuration)
        } catch {
            throw CLIError("cannot use the embeddings endpoint \(configuration.endpoint): \(error)")
        }
    }
}
