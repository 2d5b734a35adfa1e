import Foundation

/// Builds a ``ServerConfiguration`` from defaults, then a JSON file, then environment variables
/// (`AGRIQA_HOST`, `AGRIQA_PORT`, `AGRIQA_INDEX`, `AGRIQA_API_KEYS` (comma-separated),
/// `AGRIQA_API_KEYS_FILE`, `AGRIQA_REQUIRE_KEY_FOR_READS`). Flags are applied by the caller last.
public enum ServerConfigurationLoader {
    /// The file's keys are the property names of ``ServerConfiguration``; unknown keys are an error
    /// (a typo must not be ignored silently).
    public static func load(file: String?, environment: [String: String]) throws(ServerConfigurationError)
        -> ServerConfiguration
    {
        var configuration = ServerConfiguration()
        if let file {
            configuration = try read(file: file)
        }
        try apply(environment: environment, to: &configuration)
        return configuration
    }

    static func read(file: String) throws(ServerConfigurationError) -> ServerConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw .unreadable(path: file, reason: "\(error.localizedDescription)")
        }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ServerConfigurationError.unreadable(path: file, reason: "the top level must be a JSON object")
            }
            object = parsed
        } catch let error as ServerConfigurationError {
            throw error
        } catch {
            throw .unreadable(path: file, reason: "not valid JSON (\(error.localizedDescription))")
        }
        let known = Set(ServerConfiguration.CodingKeys.allCases.map(\.stringValue)).union(["model"])
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw .unreadable(path: file, reason: "unknown setting \"\(unknown)\"; known: \(known.sorted().joined(separator: ", "))")
        }
        do {
            return try JSONDecoder().decode(ServerConfiguration.self, from: data)
        } catch let error as DecodingError {
            throw .unreadable(path: file, reason: DecodingErrorMessage.describe(error).message)
        } catch {
            throw .unreadable(path: file, reason: "\(error)")
        }
    }

    static func apply(environment: [String: String], to configuration: inout ServerConfiguration)
        throws(ServerConfigurationError)
    {
        if let host = environment["AGRIQA_HOST"], !host.isEmpty { configuration.host = host }
        if let text = environment["AGRIQA_PORT"], !text.isEmpty {
            guard let port = Int(text) else { throw .invalid("AGRIQA_PORT must be a number, not \"\(text)\"") }
            configuration.port = port
        }
        if let index = environment["AGRIQA_INDEX"], !index.isEmpty { configuration.index = index }
        if let keys = environment["AGRIQA_API_KEYS"], !keys.isEmpty {
            configuration.apiKeys += keys.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let file = environment["AGRIQA_API_KEYS_FILE"], !file.isEmpty { configuration.apiKeysFile = file }
        if let flag = environment["AGRIQA_REQUIRE_KEY_FOR_READS"], !flag.isEmpty {
            configuration.requireKeyForReads = ["1", "true", "yes", "on"].contains(flag.lowercased())
        }
    }

    /// The keys from `apiKeys` plus `apiKeysFile`.
    public static func apiKeys(of configuration: ServerConfiguration) throws(ServerConfigurationError) -> Set<String> {
        var keys = Set(configuration.apiKeys.filter { !$0.isEmpty })
        if let file = configuration.apiKeysFile {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw .unreadable(path: file, reason: error.localizedDescription)
            }
            for line in text.split(whereSeparator: \.isNewline) {
                let key = line.trimmingCharacters(in: .whitespaces)
                if !key.isEmpty, !key.hasPrefix("#") { keys.insert(key) }
            }
        }
        if let short = keys.first(where: { $0.count < 16 }) {
            throw .invalid("API key \"\(short.prefix(4))…\" is shorter than 16 characters; use long random keys (openssl rand -hex 24)")
        }
        return keys
    }
}

extension ServerConfiguration {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case host, port, index, gazetteers, apiKeys, apiKeysFile, requireKeyForReads, maxJSONBytes, maxUploadBytes
        case maxQuestionCharacters, requestTimeoutSeconds, maxConnections, idleTimeoutSeconds, defaultK, uploadDirectory
        case workerTimeoutSeconds, workerMemoryMB
    }

    /// Missing keys keep their defaults.
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        host = try container.decodeIfPresent(String.self, forKey: .host) ?? host
        port = try container.decodeIfPresent(Int.self, forKey: .port) ?? port
        index = try container.decodeIfPresent(String.self, forKey: .index) ?? index
        gazetteers = try container.decodeIfPresent([String].self, forKey: .gazetteers) ?? gazetteers
        apiKeys = try container.decodeIfPresent([String].self, forKey: .apiKeys) ?? apiKeys
        apiKeysFile = try container.decodeIfPresent(String.self, forKey: .apiKeysFile)
        requireKeyForReads = try container.decodeIfPresent(Bool.self, forKey: .requireKeyForReads) ?? requireKeyForReads
        maxJSONBytes = try container.decodeIfPresent(Int.self, forKey: .maxJSONBytes) ?? maxJSONBytes
        maxUploadBytes = try container.decodeIfPresent(Int.self, forKey: .maxUploadBytes) ?? maxUploadBytes
        maxQuestionCharacters = try container.decodeIfPresent(Int.self, forKey: .maxQuestionCharacters) ?? maxQuestionCharacters
        requestTimeoutSeconds = try container.decodeIfPresent(Double.self, forKey: .requestTimeoutSeconds) ?? requestTimeoutSeconds
        maxConnections = try container.decodeIfPresent(Int.self, forKey: .maxConnections) ?? maxConnections
        idleTimeoutSeconds = try container.decodeIfPresent(Double.self, forKey: .idleTimeoutSeconds) ?? idleTimeoutSeconds
        defaultK = try container.decodeIfPresent(Int.self, forKey: .defaultK) ?? defaultK
        uploadDirectory = try container.decodeIfPresent(String.self, forKey: .uploadDirectory)
        workerTimeoutSeconds = try container.decodeIfPresent(Double.self, forKey: .workerTimeoutSeconds) ?? workerTimeoutSeconds
        workerMemoryMB = try container.decodeIfPresent(Int.self, forKey: .workerMemoryMB) ?? workerMemoryMB
    }
}
