import Dispatch
import Foundation

/// A BERT-family sentence-embedding model (all-MiniLM-L6-v2 by default) run in-process on the
/// CPU: WordPiece tokenization, the encoder with OpenBLAS, pooling and normalization.
///
/// Loading reads the model directory described by ``ModelDirectory``; nothing but the files
/// in it is needed at run time.
///
/// **Concurrency.** Instances are `Sendable` and ``embed(_:)`` may be called from many tasks
/// at once. The work runs off the Swift concurrency pool on one private serial queue, one
/// length-bucketed batch at a time, so concurrent calls are interleaved batch by batch and
/// never compete for the cores (each sgemm already uses all of OpenBLAS's threads). A call
/// that is cancelled stops at the next batch boundary with `CancellationError`.
///
/// **Threads.** The encoder spreads each batch over ``Options/threads`` cores itself (default:
/// `AGRIQA_EMBEDDING_THREADS`, else `OPENBLAS_NUM_THREADS`, else every core) and calls OpenBLAS
/// single-threaded from each worker; loading an embedder therefore sets OpenBLAS to one thread
/// for the whole process (`openblas_set_num_threads(1)`). OpenBLAS's own threads would spin
/// between calls and starve the element-wise work on a small machine.
public final class LocalSentenceEmbedder: TextEmbedder {
    public struct Options: Sendable, Equatable {
        /// Inputs per batch; batches are formed after sorting inputs by token count.
        public var batchSize: Int
        /// Truncate inputs to fewer tokens than the model allows.
        public var maxTokens: Int?
        /// Override the model directory's normalization rule.
        public var normalize: Bool?
        /// The name in the descriptor id (`local:<name>`); defaults to the folder name.
        public var modelName: String?
        /// Cores to use for one batch; `nil` follows `AGRIQA_EMBEDDING_THREADS`, then
        /// `OPENBLAS_NUM_THREADS`, then uses every core.
        public var threads: Int?

        public init(batchSize: Int = 32, maxTokens: Int? = nil, normalize: Bool? = nil, modelName: String? = nil,
                    threads: Int? = nil) {
            self.batchSize = batchSize
            self.maxTokens = maxTokens
            self.normalize = normalize
            self.modelName = modelName
            self.threads = threads
        }
    }

    /// The model used when none is configured.
    public static let defaultModelName = "all-MiniLM-L6-v2"

    public let descriptor: EmbedderDescriptor
    public let model: ModelDirectory
    public let tokenizer: WordPieceTokenizer
    public let options: Options
    let encoder: BertEncoder
    let pool: WorkerPool
    private let queue = DispatchQueue(label: "AgriQAEmbedding.LocalSentenceEmbedder", qos: .userInitiated)

    /// Loads the model in `modelDirectory` (by default ``defaultModelDirectory()``).
    ///
    /// - Throws: ``LocalEmbedderError/modelNotFound(directory:missing:)``, naming
    ///   `scripts/fetch-model.sh`, when the directory or its weights are missing; other
    ///   ``LocalEmbedderError`` cases when a file is damaged or the model is not BERT-like.
    public init(modelDirectory: URL = LocalSentenceEmbedder.defaultModelDirectory(),
                options: Options = Options()) throws(LocalEmbedderError) {
        guard options.batchSize >= 1 else { throw .invalidOption("batchSize must be at least 1") }
        if let maxTokens = options.maxTokens, maxTokens < 2 {
            throw .invalidOption("maxTokens must be at least 2 ([CLS] and [SEP])")
        }
        var model = try ModelDirectory.inspect(modelDirectory)
        if let maxTokens = options.maxTokens { model.maxTokens = min(maxTokens, model.maxTokens) }
        if let normalize = options.normalize { model.normalize = normalize }
        if let name = options.modelName { model.name = name }

        let tokenizer: WordPieceTokenizer
        do { tokenizer = try WordPieceTokenizer.load(directory: modelDirectory, maxLength: model.maxTokens) } catch {
            throw .tokenizer(error)
        }
        guard tokenizer.vocabulary.count <= model.configuration.vocabularySize else {
            throw .vocabularyMismatch(directory: modelDirectory.path, tokenizerSize: tokenizer.vocabulary.count,
                                      modelSize: model.configuration.vocabularySize)
        }
        let weights: BertWeights
        do {
            weights = try BertWeights(file: SafetensorsFile(url: model.weightsURL), configuration: model.configuration)
        } catch {
            throw .weights(error)
        }
        if let threads = options.threads, threads < 1 { throw .invalidOption("threads must be at least 1") }
        OpenBLAS.setThreadCount(1)

        self.model = model
        self.tokenizer = tokenizer
        self.options = options
        self.encoder = BertEncoder(configuration: model.configuration, weights: weights)
        self.pool = WorkerPool(workers: options.threads ?? Self.defaultThreadCount())
        self.descriptor = EmbedderDescriptor(
            id: "local:\(model.name)", dimension: model.configuration.hiddenSize, maxTokens: model.maxTokens)
    }

    /// `$AGRIQA_MODEL_DIR/all-MiniLM-L6-v2`, else `$XDG_CACHE_HOME/agriqa/models/all-MiniLM-L6-v2`,
    /// else `~/.cache/agriqa/models/all-MiniLM-L6-v2` — where `scripts/fetch-model.sh` puts it.
    public static func defaultModelDirectory() -> URL {
        defaultModelDirectory(environment: ProcessInfo.processInfo.environment)
    }

    /// ``defaultModelDirectory()`` for the given environment variables.
    public static func defaultModelDirectory(environment: [String: String]) -> URL {
        modelCacheDirectory(environment: environment).appending(path: defaultModelName, directoryHint: .isDirectory)
    }

    /// The folder holding downloaded models: `$AGRIQA_MODEL_DIR`, else
    /// `$XDG_CACHE_HOME/agriqa/models`, else `~/.cache/agriqa/models` (empty variables count as unset).
    public static func modelCacheDirectory(environment: [String: String]) -> URL {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        if let directory = value("AGRIQA_MODEL_DIR") { return URL(fileURLWithPath: directory, isDirectory: true) }
        let cache = value("XDG_CACHE_HOME")
            ?? ((value("HOME") ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/.cache")
        return URL(fileURLWithPath: cache, isDirectory: true)
            .appending(path: "agriqa", directoryHint: .isDirectory)
            .appending(path: "models", directoryHint: .isDirectory)
    }

    /// Cores used per batch when ``Options/threads`` is not set.
    public static func defaultThreadCount(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int {
        for name in ["AGRIQA_EMBEDDING_THREADS", "OPENBLAS_NUM_THREADS"] {
            if let value = environment[name].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), value >= 1 {
                return value
            }
        }
        return ProcessInfo.processInfo.activeProcessorCount
    }

    /// The number of cores one batch is spread over.
    public var threadCount: Int { pool.workers }

    /// The token ids the model sees for `text`: `[CLS] … [SEP]`, truncated to `descriptor.maxTokens`.
    public func tokenIDs(_ text: String) -> [Int32] {
        tokenizer.encode(model.lowercasesInput ? text.lowercased() : text)
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        if texts.count == 1 {
            // One text (a search question): tokenized and encoded in a single trip to the queue.
            try Task.checkCancellation()
            let text = texts[0]
            return await run { self.embed(tokenized: [self.tokenIDs(text)]) }
        }
        let encoded = await run { self.tokenIDs(texts) }
        var results = [[Float]](repeating: [], count: texts.count)
        for batch in LengthBuckets.batches(lengths: encoded.map(\.count), batchSize: options.batchSize) {
            try Task.checkCancellation()
            let sequences = batch.map { encoded[$0] }
            let vectors = await run { self.embed(tokenized: sequences) }
            for (position, index) in batch.enumerated() { results[index] = vectors[position] }
        }
        return results
    }

    /// The token ids of every text, tokenized on all worker threads, on the calling thread.
    func tokenIDs(_ texts: [String]) -> [[Int32]] {
        let parts = pool.split(count: texts.count, minimumPerPart: 16)
        let results = UnsafeMutableBufferPointer<[Int32]>.allocate(capacity: texts.count)
        results.initialize(repeating: [])
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Each part writes only the slots of its own range.
        pool.run(parts: parts.count) { part in
            for index in parts[part] { results[index] = tokenIDs(texts[index]) }
        }
        return Array(results)
    }

    /// Embeds already-tokenized sequences as one batch, on the calling thread.
    func embed(tokenized sequences: [[Int32]]) -> [[Float]] {
        var ids: [Int32] = []
        ids.reserveCapacity(sequences.reduce(0) { $0 + $1.count })
        var offsets = [0]
        offsets.reserveCapacity(sequences.count + 1)
        for sequence in sequences {
            ids.append(contentsOf: sequence)
            offsets.append(ids.count)
        }
        let hidden = encoder.hiddenStates(tokenIDs: ids, offsets: offsets, pool: pool)
        var vectors = model.pooling.pool(hiddenStates: hidden, dimension: descriptor.dimension, offsets: offsets)
        if model.normalize {
            for index in vectors.indices { L2Normalization.normalize(&vectors[index]) }
        }
        return vectors
    }

    /// Runs `work` on the private queue, keeping blocking compute off the cooperative pool.
    private func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
