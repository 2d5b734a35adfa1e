import AgriQAChatModel
import Foundation

/// A persistent store of model responses: one small JSON file per request key, under
/// `directory/ab/abcdef….json` (the first two hex digits fan the files out).
///
/// Files are written atomically (temporary file, then rename), so concurrent writers and a
/// killed process never leave a half-written entry; an unreadable entry counts as a miss and is
/// overwritten. Only successful completions are stored. Delete the folder to start afresh.
public final class ResponseCache: Sendable {
    /// One stored response.
    public struct Entry: Codable, Sendable, Equatable {
        public var model: String
        public var content: String
        public var finishReason: String?
        public var promptTokens: Int?
        public var completionTokens: Int?
        public var storedAt: Date

        public init(completion: ChatCompletion, storedAt: Date = Date()) {
            model = completion.model
            content = completion.content
            finishReason = completion.finishReason
            promptTokens = completion.usage?.promptTokens
            completionTokens = completion.usage?.completionTokens
            self.storedAt = storedAt
        }

        /// The completion as the endpoint gave it, with `attempts` 0: no request was made.
        public var completion: ChatCompletion {
            let usage = promptTokens.map { TokenUsage(promptTokens: $0, completionTokens: completionTokens ?? 0) }
            return ChatCompletion(content: content, finishReason: finishReason, usage: usage, model: model, attempts: 0)
        }
    }

    public let directory: URL

    /// Opens (creating when needed) the cache in `directory`.
    public init(directory: URL) throws(SynthesisError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .output(path: directory.path, reason: "cannot create the response cache folder (\(error.localizedDescription)); pass --cache DIR with a writable folder, or --no-cache")
        }
    }

    /// The default folder: `$AGRIQA_CACHE_DIR`, else `$XDG_CACHE_HOME/agriqa/responses`, else
    /// `~/.cache/agriqa/responses`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        if let directory = value("AGRIQA_CACHE_DIR") { return URL(fileURLWithPath: directory, isDirectory: true) }
        let base = value("XDG_CACHE_HOME") ?? ((value("HOME") ?? NSHomeDirectory()) + "/.cache")
        return URL(fileURLWithPath: base, isDirectory: true).appending(path: "agriqa/responses", directoryHint: .isDirectory)
    }

    public func entry(for key: CacheKey) -> Entry? {
        guard let data = FileManager.default.contents(atPath: fileURL(key).path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Entry.self, from: data)
    }

    /// Stores `completion` under `key`. A failure to write is not fatal to the caller (the answer
    /// is still good); it is returned so the caller can report it once.
    @discardableResult
    public func store(_ completion: ChatCompletion, for key: CacheKey) -> (any Error)? {
        let url = fileURL(key)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try encoder.encode(Entry(completion: completion)).write(to: url, options: .atomic)
            return nil
        } catch {
            return error
        }
    }

    func fileURL(_ key: CacheKey) -> URL {
        directory.appending(path: String(key.digest.prefix(2)), directoryHint: .isDirectory)
            .appending(path: key.digest + ".json", directoryHint: .notDirectory)
    }
}
