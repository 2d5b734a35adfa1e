import AgriQAChatModel
import AgriQAIngestion
import Foundation

/// The identity of a model call for the response cache: a SHA-256 of the model id, every message
/// (role and content) and every sampling parameter of the request, in a canonical JSON form.
///
/// Two requests share a key exactly when the endpoint would receive the same body (apart from
/// `stream`), so a cached answer is the answer the same prompt got before. Parameters a request
/// leaves unset are filled by the client's configuration and are therefore not in the key:
/// synthesis and evaluation set temperature and token limit on every request.
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    /// 64 lowercase hex digits.
    public let digest: String

    public init(modelID: String, request: ChatRequest) {
        struct Canonical: Encodable {
            var model: String
            var messages: [[String]]
            var temperature: Double?
            var maxTokens: Int?
            var seed: Int?
            var stop: [String]
            var jsonObject: Bool
        }
        let canonical = Canonical(
            model: modelID, messages: request.messages.map { [$0.role.rawValue, $0.content] },
            temperature: request.temperature, maxTokens: request.maxTokens, seed: request.seed, stop: request.stop,
            jsonObject: request.jsonObject)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain strings, numbers and arrays cannot fail; an empty body would still be a stable key.
        let bytes = (try? encoder.encode(canonical)) ?? Data()
        digest = SHA256.hexDigest(of: [UInt8](bytes))
    }

    public var description: String { digest }
}
