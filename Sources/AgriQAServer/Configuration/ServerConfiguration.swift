import Foundation

/// Everything the HTTP server needs to know, from defaults, a JSON configuration file, environment
/// variables and command-line flags (later sources win; see ``ServerConfigurationLoader``).
public struct ServerConfiguration: Sendable, Codable, Equatable {
    /// Interface to listen on; 127.0.0.1 keeps the server local, 0.0.0.0 exposes it.
    public var host: String = "127.0.0.1"
    /// 0 picks a free port (tests).
    public var port: Int = 8080
    public var index: String = "index/agriqa.sqlite"
    /// Extra gazetteer files (the index remembers those given to `agriqa ingest`).
    public var gazetteers: [String] = []
    /// Accepted API keys. Write endpoints (uploads, deletes) always need one; with no keys
    /// configured they are refused.
    public var apiKeys: [String] = []
    /// A file with one API key per line (`#` comments allowed), read at start-up.
    public var apiKeysFile: String?
    /// Whether read endpoints (ask, search, documents, regions, chat completions) need a key too.
    public var requireKeyForReads: Bool = false
    /// Largest JSON body accepted (413 above).
    public var maxJSONBytes: Int = 1 << 20
    /// Largest uploaded document accepted (413 above).
    public var maxUploadBytes: Int = 200 << 20
    /// Longest question accepted, in characters (400 above).
    public var maxQuestionCharacters: Int = 2000
    /// Requests taking longer get 504 (streams are bounded by the model timeout instead).
    public var requestTimeoutSeconds: Double = 120
    /// Open connections beyond this wait in the listen backlog.
    public var maxConnections: Int = 512
    /// A connection that sends nothing for this long while its request is incomplete, or between
    /// requests, is closed: stalled (slow-loris) clients cannot hold every connection slot.
    /// Responses being written (streams included) are not affected.
    public var idleTimeoutSeconds: Double = 30
    /// Sources retrieved per answer when the request does not say.
    public var defaultK: Int = 6
    /// Where uploads are kept until ingested; default: `uploads/` beside the index.
    public var uploadDirectory: String?
    /// The ingestion worker (`agriqa ingest` in a child process) is killed after this long…
    public var workerTimeoutSeconds: Double = 900
    /// …or when it needs more address space than this.
    public var workerMemoryMB: Int = 4096

    public init() {}

    /// The upload folder, resolved.
    public var resolvedUploadDirectory: String {
        uploadDirectory ?? URL(fileURLWithPath: index).deletingLastPathComponent().appendingPathComponent("uploads").path
    }

    /// Checks values that would only fail later, with messages that name the setting.
    public func validate() throws(ServerConfigurationError) {
        guard (0...65535).contains(port) else { throw .invalid("port must be 0…65535, not \(port)") }
        guard maxJSONBytes >= 1024 else { throw .invalid("maxJSONBytes must be at least 1024") }
        guard maxUploadBytes >= 1024 else { throw .invalid("maxUploadBytes must be at least 1024") }
        guard maxQuestionCharacters >= 10 else { throw .invalid("maxQuestionCharacters must be at least 10") }
        guard requestTimeoutSeconds > 0 else { throw .invalid("requestTimeoutSeconds must be positive") }
        guard maxConnections >= 1 else { throw .invalid("maxConnections must be at least 1") }
        guard idleTimeoutSeconds > 0 else { throw .invalid("idleTimeoutSeconds must be positive") }
        guard (1...50).contains(defaultK) else { throw .invalid("defaultK must be 1…50") }
        guard workerTimeoutSeconds > 0, workerMemoryMB >= 256 else {
            throw .invalid("workerTimeoutSeconds must be positive and workerMemoryMB at least 256")
        }
    }
}

public enum ServerConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalid(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read the configuration file \(path): \(reason)"
        case .invalid(let reason):
            return "invalid server configuration: \(reason)"
        }
    }
}
