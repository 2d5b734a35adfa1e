import COpenBLAS
import Foundation

/// Measures the local embedder's throughput against the machine's matrix-multiply limit.
///
/// Used by `make bench` and by the opt-in benchmark test (see docs/embeddings.md). Always
/// measure a release build: debug builds do not vectorize the element-wise kernels.
public enum EmbeddingBenchmark {
    public struct Result: Sendable, CustomStringConvertible {
        public var chunks: Int
        public var tokensPerChunk: Int
        public var batchSize: Int
        /// Cores the encoder spread each batch over.
        public var threads: Int
        public var seconds: Double
        /// Floating-point operations of one chunk's forward pass (matrix products only).
        public var flopsPerChunk: Double

        public var chunksPerSecond: Double { Double(chunks) / seconds }
        public var gflopsPerSecond: Double { flopsPerChunk * chunksPerSecond / 1e9 }

        public var description: String {
            String(format: "%d chunks × %d tokens, batch %d, %d threads: %.2f s, %.2f chunks/s, "
                + "%.2f GFLOP/chunk, %.1f GFLOP/s", chunks, tokensPerChunk, batchSize, threads, seconds,
                chunksPerSecond, flopsPerChunk / 1e9, gflopsPerSecond)
        }
    }

    /// The multiply-add FLOPs (2 per multiply-add) of one forward pass over `tokens` tokens:
    /// the Q/K/V, attention-output and two feed-forward projections per token, plus the
    /// `QKᵀ` and `P·V` attention products, per layer. Element-wise work (softmax, GELU, layer
    /// norm) is a fraction of a percent and not counted.
    public static func flopsPerSequence(_ c: BertConfiguration, tokens n: Int) -> Double {
        let h = Double(c.hiddenSize), i = Double(c.intermediateSize), t = Double(n)
        let projections = 2 * t * (3 * h * h + h * h + 2 * h * i)
        let attention = 2 * 2 * t * t * h
        return Double(c.layerCount) * (projections + attention)
    }

    /// Embeds `chunks` synthetic sequences of exactly `tokens` ids in batches of `batchSize`
    /// (one warm-up batch first) and times the forward passes, pooling and normalization.
    public static func run(
        embedder: LocalSentenceEmbedder, chunks: Int = 128, tokens: Int = 256, batchSize: Int = 32
    ) -> Result {
        let length = max(2, min(tokens, embedder.descriptor.maxTokens))
        let tokenizer = embedder.tokenizer
        let vocabulary = Int32(embedder.model.configuration.vocabularySize)
        var generator = SplitMix64(seed: 42)
        let sequences: [[Int32]] = (0..<max(1, chunks)).map { _ in
            [tokenizer.classifierID]
                + (0..<(length - 2)).map { _ in Int32(1000 + generator.next() % UInt64(max(1, vocabulary - 1000))) }
                + [tokenizer.separatorID]
        }
        let batches = stride(from: 0, to: sequences.count, by: max(1, batchSize)).map {
            Array(sequences[$0..<min($0 + max(1, batchSize), sequences.count)])
        }
        if let first = batches.first { _ = embedder.embed(tokenized: first) }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for batch in batches { _ = embedder.embed(tokenized: batch) }
        }
        return Result(
            chunks: sequences.count, tokensPerChunk: length, batchSize: batchSize, threads: embedder.threadCount,
            seconds: elapsed.seconds, flopsPerChunk: flopsPerSequence(embedder.model.configuration, tokens: length))
    }

    /// The GFLOP/s of a plain square single-precision `cblas_sgemm` of `size` with OpenBLAS
    /// using `threads` threads (default: every core) — the practical ceiling for the encoder,
    /// whose time is almost all matrix products. Best of `repetitions`. OpenBLAS's thread
    /// count is restored afterwards.
    public static func sgemmGFLOPS(
        size: Int = 2048, repetitions: Int = 5, threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> Double {
        let previousThreads = OpenBLAS.threadCount
        OpenBLAS.setThreadCount(threads)
        defer { OpenBLAS.setThreadCount(previousThreads) }
        let n = max(1, size)
        let a = [Float](repeating: 0.5, count: n * n), b = [Float](repeating: 0.25, count: n * n)
        var c = [Float](repeating: 0, count: n * n)
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<max(2, repetitions + 1) {  // the first run warms up threads and caches
            let elapsed = a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    c.withUnsafeMutableBufferPointer { c in
                        clock.measure {
                            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(n), blasint(n), blasint(n),
                                        1, a.baseAddress, blasint(n), b.baseAddress, blasint(n), 0, c.baseAddress, blasint(n))
                        }
                    }
                }
            }
            best = min(best, elapsed.seconds)
        }
        return 2 * Double(n) * Double(n) * Double(n) / best / 1e9
    }
}



/// A small deterministic generator for reproducible benchmark inputs.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
