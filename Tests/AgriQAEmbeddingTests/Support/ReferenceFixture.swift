import AgriQAEmbedding
import Foundation

/// Tests/Fixtures/embeddings/reference.json, made by scripts/embedding-reference.py with
/// sentence-transformers (see that script for the versions).
struct ReferenceFixture: Decodable, Sendable {
    struct Case: Decodable, Sendable {
        var text: String
        var ids: [Int32]
        var vector: [Float]
    }

    var model: String
    var maxTokens: Int
    var normalized: Bool
    var cases: [Case]

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures/embeddings/reference.json")

    static func load() throws -> ReferenceFixture {
        try JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: url))
    }
}

/// The installed built-in model, when scripts/fetch-model.sh has been run.
enum InstalledModel {
    static let directory = LocalSentenceEmbedder.defaultModelDirectory()
    static let isAvailable = FileManager.default.fileExists(
        atPath: directory.appending(path: "model.safetensors").path)
    static let skipMessage = "all-MiniLM-L6-v2 is not installed at \(directory.path): run scripts/fetch-model.sh"

    /// One embedder shared by the tests (loading copies 90 MB of weights).
    static let embedder: Result<LocalSentenceEmbedder, LocalEmbedderError> = Result {
        () throws(LocalEmbedderError) -> LocalSentenceEmbedder in try LocalSentenceEmbedder(modelDirectory: directory)
    }
}

func cosine(_ a: [Float], _ b: [Float]) -> Float {
    var dot: Float = 0, na: Float = 0, nb: Float = 0
    for (x, y) in zip(a, b) {
        dot += x * y
        na += x * x
        nb += y * y
    }
    return dot / max((na * nb).squareRoot(), 1e-12)
}
