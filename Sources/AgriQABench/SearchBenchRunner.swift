import AgriQADomain
import AgriQAEmbedding
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import Foundation

/// Measures one index: every question through each path, one right after the other, so all paths see the
/// same machine load (in an order rotated from question to question); warm-up questions first,
/// excluded from the figures.
struct SearchBenchRunner {
    /// The measured paths, in the order they run for each question.
    enum Path: String, CaseIterable, Codable {
        case embedding = "query embedding"
        case fts = "raw FTS5 (bm25, limit 100)"
        case scanFloat = "raw vector scan float32"
        case scanInt8 = "raw vector scan int8"
        case hybridPrecomputedFloat = "hybrid, precomputed vector, float32"
        case hybridPrecomputedInt8 = "hybrid, precomputed vector, int8"
        /// The same search with BM25 asked of FTS5 every time instead of the in-memory postings.
        case hybridPrecomputedFloatFTS = "hybrid, precomputed vector, float32, BM25 by FTS5"
        case hybridFloat = "hybrid end-to-end, float32"
        case hybridInt8 = "hybrid end-to-end, int8"
    }

    var indexPath: String
    var queries: [BenchQuery]
    var rounds: Int
    var warmup: Int
    var options: SearchOptions
    var embedder: LocalSentenceEmbedder
    var progress: (String) -> Void

    func run() async throws -> IndexResult {
        let index = try KnowledgeIndex(path: indexPath)
        let chunks = try index.chunkCount()
        var gazetteer = try Gazetteer.builtIn()
        for file in try index.rememberedGazetteers() where FileManager.default.fileExists(atPath: file) {
            _ = try gazetteer.load(file: file)
        }
        guard let recorded = try index.embedder() else {
            throw BenchError.emptyIndex(path: indexPath, detail: "it has no vectors (run `agriqa embed --index \(indexPath)`).")
        }
        guard recorded == embedder.descriptor else {
            throw BenchError.emptyIndex(
                path: indexPath, detail: "its vectors come from \(recorded.description), not \(embedder.descriptor.description).")
        }

        progress("loading vectors and embedding \(queries.count) questions")
        let rows = try index.vectorRows()
        let matrix = VectorMatrix(chunkIDs: rows.ids, values: rows.values, dimension: rows.dimension)
        let quantized = QuantizedVectorMatrix(matrix)
        let precomputed = try await PrecomputedEmbedder.prepare(queries.map(\.text), with: embedder)
        var vectors: [[Float]] = []
        for query in queries { vectors += try await precomputed.embed([query.text]) }
        let regions = queries.map { BenchQueries.region(of: $0, in: gazetteer) }
        let expressions = queries.map { FTSQuery.expression(for: $0.text) }
        let fts = try RawFTS(path: indexPath)
        // The searchers keep the BM25 postings in memory, as `agriqa serve` does, read before measuring.
        progress("reading the lexical postings")
        let postingsStart = DispatchTime.now().uptimeNanoseconds
        let postings = try index.lexicalPostings()
        let postingsSeconds = Double(DispatchTime.now().uptimeNanoseconds - postingsStart) / 1e9
        let endToEnd = HybridSearcher(index: index, embedder: embedder, gazetteer: gazetteer, lexicalPostings: .eager)
        let withVector = HybridSearcher(index: index, embedder: precomputed, gazetteer: gazetteer, lexicalPostings: .eager)
        let withVectorFTS = HybridSearcher(index: index, embedder: precomputed, gazetteer: gazetteer)
        for searcher in [endToEnd, withVector, withVectorFTS] { try searcher.preload() }
        var floatOptions = options, int8Options = options
        floatOptions.quantized = false
        int8Options.quantized = true

        var samples: [Path: [Double]] = [:]
        var cpuSamples: [Path: [Double]] = [:]
        var stages: [[(name: String, seconds: Double)]] = []
        var candidateCounts: [Int] = []
        // Questions whose int8 scan (shortlist + float32 rescoring) returns the float32 scan's top list.
        var int8Agreement = (top100: 0, top10: 0, sameSet: 0, sameScores: 0, questions: 0)
        var ftsByQuestion: [(question: String, milliseconds: Double)] = []
        let order = (0..<rounds).flatMap { _ in Array(queries.indices) }
        let warmupOrder = Array(queries.indices.prefix(warmup))
        for (step, position) in (warmupOrder + order).enumerated() {
            let measuring = step >= warmupOrder.count
            if step % 50 == 0 {
                progress(measuring ? "measuring \(step - warmupOrder.count)/\(order.count)" : "warming up")
            }
            let query = queries[position], region = regions[position], vector = vectors[position]
            // CPU time of the whole process over the same span: unlike wall time, it does not grow
            // when other processes hold the cores (the runner does nothing else meanwhile).
            var cpuStart = processCPUMilliseconds()
            func record(_ path: Path, _ milliseconds: Double) {
                let cpu = processCPUMilliseconds() - cpuStart
                if measuring {
                    samples[path, default: []].append(milliseconds)
                    cpuSamples[path, default: []].append(cpu)
                }
            }
            // The paths run in a rotated order (a different first path for each question), so none
            // always meets the caches as the previous path left them.
            var profiled: SearchStageTimes?
            var lexicalCount = 0
            for path in Self.rotated(Path.allCases, by: step) {
                cpuStart = processCPUMilliseconds()
                switch path {
                case .embedding:
                    record(path, try await timed { try await embedder.embed([query.text]) }.1)
                case .fts:
                    let (lexical, milliseconds) = try await timed {
                        try expressions[position].map { try fts.search($0, limit: options.candidates) } ?? []
                    }
                    record(path, milliseconds)
                    lexicalCount = lexical.count
                    if measuring { ftsByQuestion.append((query.text, milliseconds)) }
                case .scanFloat:
                    record(path, await timed { matrix.nearest(to: vector, k: options.candidates) }.1)
                case .scanInt8:
                    let (int8, milliseconds) = await timed { quantized.nearest(to: vector, k: options.candidates) }
                    record(path, milliseconds)
                    if measuring {
                        let exact = matrix.nearest(to: vector, k: options.candidates)
                        let float = exact.map(\.chunkID)
                        int8Agreement.questions += 1
                        if int8.map(\.chunkID) == float { int8Agreement.top100 += 1 }
                        if int8.prefix(10).map(\.chunkID) == Array(float.prefix(10)) { int8Agreement.top10 += 1 }
                        if Set(int8.map(\.chunkID)) == Set(float) { int8Agreement.sameSet += 1 }
                        // Rank by rank the same cosine (to float rounding): lists that differ only in
                        // the order of chunks whose cosines tie.
                        if int8.count == exact.count, zip(int8, exact).allSatisfy({ abs($0.score - $1.score) <= 1e-6 }) {
                            int8Agreement.sameScores += 1
                        }
                    }
                case .hybridPrecomputedFloat:
                    let (result, milliseconds) = try await timed {
                        try await withVector.profiledSearch(query.text, location: region, options: floatOptions)
                    }
                    record(path, milliseconds)
                    profiled = result.stages
                case .hybridPrecomputedFloatFTS:
                    record(path, try await timed { try await withVectorFTS.search(query.text, location: region, options: floatOptions) }.1)
                case .hybridPrecomputedInt8:
                    record(path, try await timed { try await withVector.search(query.text, location: region, options: int8Options) }.1)
                case .hybridFloat:
                    record(path, try await timed { try await endToEnd.search(query.text, location: region, options: floatOptions) }.1)
                case .hybridInt8:
                    record(path, try await timed { try await endToEnd.search(query.text, location: region, options: int8Options) }.1)
                }
            }
            if measuring, let profiled {
                stages.append(profiled.named)
                candidateCounts.append(lexicalCount)
            }
        }

        var latencies: [String: LatencySummary] = [:]
        var cpu: [String: LatencySummary] = [:]
        for path in Path.allCases {
            latencies[path.rawValue] = LatencySummary(milliseconds: samples[path] ?? [])
            cpu[path.rawValue] = LatencySummary(milliseconds: cpuSamples[path] ?? [])
        }
        var stageMedians: [String: Double] = [:]
        for name in stages.first?.map(\.name) ?? [] {
            let values = stages.map { ($0.first { $0.name == name }?.seconds ?? 0) * 1000 }
            stageMedians[name] = LatencySummary(milliseconds: values).p50
        }
        return IndexResult(
            index: indexPath, chunks: chunks, vectors: matrix.count, queries: queries.count,
            queriesWithLocation: regions.compactMap { $0 }.count, rounds: rounds, warmup: warmupOrder.count,
            medianLexicalCandidates: LatencySummary(milliseconds: candidateCounts.map(Double.init)).p50,
            int8Agreement: .init(
                questions: int8Agreement.questions, sameTopCandidates: int8Agreement.top100, sameTop10: int8Agreement.top10,
                sameSet: int8Agreement.sameSet, sameScoresByRank: int8Agreement.sameScores),
            lexicalPostings: .init(
                seconds: postingsSeconds, postings: postings.postingCount,
                megabytes: Double(postings.approximateBytes) / 1_048_576),
            latencies: latencies, cpuMilliseconds: cpu, stageMediansMs: stageMedians,
            slowestFTS: ftsByQuestion.sorted { $0.milliseconds > $1.milliseconds }.prefix(5).map {
                IndexResult.SlowQuestion(question: $0.question, milliseconds: $0.milliseconds, terms: FTSQuery.terms($0.question).count)
            })
    }
}

extension SearchBenchRunner {
    static func rotated<T>(_ items: [T], by step: Int) -> [T] {
        guard !items.isEmpty else { return items }
        let shift = step % items.count
        return Array(items[shift...] + items[..<shift])
    }
}

/// One index's figures (milliseconds).
struct IndexResult: Codable {
    var index: String
    var chunks: Int
    var vectors: Int
    var queries: Int
    var queriesWithLocation: Int
    var rounds: Int
    var warmup: Int
    /// Median number of chunks the raw FTS query returned (at most the candidate limit).
    var medianLexicalCandidates: Double
    /// How often the int8 scan's list (after float32 rescoring) is exactly the float32 scan's.
    var int8Agreement: Int8Agreement?
    /// Reading the in-memory BM25 postings the hybrid searchers use (once, before measuring).
    var lexicalPostings: PostingsLoad?
    /// By ``SearchBenchRunner/Path`` raw value.
    var latencies: [String: LatencySummary]
    /// The process's CPU time over each measured call (all its threads), by path: the figure that
    /// stays comparable when other processes load the machine.
    var cpuMilliseconds: [String: LatencySummary]?
    /// Median time of each hybrid stage (precomputed vector, float32).
    var stageMediansMs: [String: Double]
    /// The questions whose raw FTS5 query took longest (the tail of the latency distribution).
    var slowestFTS: [SlowQuestion]

    struct Int8Agreement: Codable {
        var questions: Int
        /// Questions whose whole candidate list (ids and order) is the float32 scan's.
        var sameTopCandidates: Int
        var sameTop10: Int
        /// Questions whose candidate lists hold the same chunks (in any order).
        var sameSet: Int
        /// Questions whose lists have, rank by rank, cosines within 10⁻⁶ (differing at most in the
        /// order of chunks with equal cosines).
        var sameScoresByRank: Int
    }

    struct PostingsLoad: Codable {
        var seconds: Double
        /// (token, chunk) pairs.
        var postings: Int
        var megabytes: Double
    }

    struct SlowQuestion: Codable {
        var question: String
        var milliseconds: Double
        /// Words left after stop words: each is one OR-ed FTS5 term.
        var terms: Int
    }

    func latency(_ path: SearchBenchRunner.Path) -> LatencySummary? { latencies[path.rawValue] }

    /// hybrid / (raw FTS + raw scan), per percentile; the end-to-end one adds the query embedding.
    struct Ratios: Codable {
        var precomputedFloatP50: Double
        var precomputedFloatP99: Double
        var precomputedInt8P50: Double
        var precomputedInt8P99: Double
        var endToEndFloatP50: Double
        var endToEndFloatP99: Double
    }

    var ratios: Ratios {
        func value(_ path: SearchBenchRunner.Path, _ keyPath: KeyPath<LatencySummary, Double>) -> Double {
            latency(path)?[keyPath: keyPath] ?? 0
        }
        func ratio(_ hybrid: SearchBenchRunner.Path, _ parts: [SearchBenchRunner.Path], _ keyPath: KeyPath<LatencySummary, Double>) -> Double {
            let sum = parts.reduce(0) { $0 + value($1, keyPath) }
            return sum > 0 ? value(hybrid, keyPath) / sum : 0
        }
        return Ratios(
            precomputedFloatP50: ratio(.hybridPrecomputedFloat, [.fts, .scanFloat], \.p50),
            precomputedFloatP99: ratio(.hybridPrecomputedFloat, [.fts, .scanFloat], \.p99),
            precomputedInt8P50: ratio(.hybridPrecomputedInt8, [.fts, .scanInt8], \.p50),
            precomputedInt8P99: ratio(.hybridPrecomputedInt8, [.fts, .scanInt8], \.p99),
            endToEndFloatP50: ratio(.hybridFloat, [.embedding, .fts, .scanFloat], \.p50),
            endToEndFloatP99: ratio(.hybridFloat, [.embedding, .fts, .scanFloat], \.p99))
    }
}
