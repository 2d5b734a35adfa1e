import Foundation
import GRDB
import Synchronization

/// The exact top of an OR-ed FTS5 BM25 query without scoring every row that has only very common
/// words (see ``KnowledgeIndex/lexicalRanking(_:limit:)``).
///
/// Phrases whose bounds (``FTS5BM25/bound(idf:)``) sum to at most ``commonBoundLimit`` are the
/// common ones, C; the rest, E, are queried alone. A chunk's full score F and its E-only score G
/// satisfy G ≤ F < G + B (B: the sum of C's bounds), so with θ the `limit`-th best G:
/// - a chunk with only C words scores below B, and θ > B + margin keeps it out of the top;
/// - a chunk with G < θ − margin is beaten by the `limit` chunks with G ≥ θ, so only the chunks with
///   G ≥ θ − margin are candidates;
/// - candidates whose G differ by more than the margin keep that order; runs of candidates closer
///   than that are ordered by F, recomputed exactly (``FTS5BM25``), then by chunk id, as SQLite's
///   sorter orders ties (by scan order, which is rowid order).
/// Any other case (a word the tokenizer splits, too few E matches) returns nil: the caller runs the
/// full query.
struct LexicalPruning {
    /// The largest total a set of common phrases may add to a score (FTS5's floor IDF 10⁻⁶ gives
    /// 2.2 × 10⁻⁶ per phrase).
    static let commonBoundLimit = 0.01
    /// The full-text table's tokenizer (IndexSchema): query words and chunk text are split with it.
    static let tokenizer = FTS5TokenizerDescriptor.porter(wrapping: .unicode61(diacritics: .remove))

    let db: Database
    /// The index file (the key of the hit-count cache).
    let path: String
    let bm25: FTS5BM25
    /// One per query word, in the query's order.
    let phrases: [(term: String, token: String)]
    let limit: Int
    let fts5Tokenizer: any FTS5Tokenizer

    init?(db: Database, path: String, terms: [String], limit: Int) throws {
        guard terms.count >= 2, let bm25 = try FTS5BM25.load(db) else { return nil }
        let tokenizer = try db.makeTokenizer(Self.tokenizer)
        var phrases: [(term: String, token: String)] = []
        for term in terms {
            let tokens = try tokenizer.tokenize(query: term)
            guard tokens.count == 1, let token = tokens.first, token.flags.isEmpty else { return nil }
            phrases.append((term, token.token))
        }
        self.db = db
        self.path = path
        self.bm25 = bm25
        self.phrases = phrases
        self.limit = limit
        self.fts5Tokenizer = tokenizer
    }

    /// The chunk ids of the first `limit` rows of the full query, in its order; nil when pruning
    /// cannot be shown safe for this question.
    func ranking() throws -> [Int64]? {
        let hits = try PhraseHitCounts.counts(db: db, path: path, terms: phrases.map(\.term))
        let idfs = phrases.map { bm25.idf(hits: hits[$0.term] ?? 0) }
        // The common phrases: the smallest bounds, while their sum stays within the limit.
        var common = Set<Int>()
        var bound = 0.0
        for position in idfs.indices.sorted(by: { idfs[$0] < idfs[$1] }) {
            let next = bound + FTS5BM25.bound(idf: idfs[position])
            guard next <= Self.commonBoundLimit else { break }
            bound = next
            common.insert(position)
        }
        guard !common.isEmpty, common.count < phrases.count else { return nil }
        let essential = phrases.indices.filter { !common.contains($0) }.map { "\"\(phrases[$0].term)\"" }
            .joined(separator: " OR ")

        // Every chunk whose E score is within the margin of the limit-th: fetched in growing batches.
        var fetch = limit + 32
        var candidates: [(id: Int64, partial: Double)]
        var margin: Double
        while true {
            let rows = try KnowledgeIndex.lexicalRows(db, expression: essential, limit: fetch)
            guard rows.count >= limit else { return nil }
            let threshold = -rows[limit - 1].bm25
            // Room for rounding: scores are sums of a few dozen doubles.
            margin = bound * (1 + 1e-9) + 1e-9 * max(1, abs(threshold))
            guard threshold > bound + 2 * margin else { return nil }
            let floor = threshold - margin
            if rows.count == fetch, let last = rows.last, -last.bm25 >= floor {
                fetch *= 4
                continue
            }
            candidates = rows.map { ($0.chunkID, -$0.bm25) }.filter { $0.partial >= floor }
            break
        }

        // Runs of candidates closer than the margin, in E order; runs that reach the top get exact scores.
        var runs: [[(id: Int64, partial: Double)]] = []
        for candidate in candidates {
            if let last = runs.last?.last, last.partial - candidate.partial <= margin {
                runs[runs.count - 1].append(candidate)
            } else {
                runs.append([candidate])
            }
        }
        var ranked: [Int64] = []
        var needExact: [Int64] = []
        var placed = 0
        for run in runs where placed < limit {
            if run.count > 1 { needExact += run.map(\.id) }
            placed += run.count
        }
        guard let exact = try fullScores(of: needExact, idfs: idfs) else { return nil }
        for run in runs where ranked.count < limit {
            if run.count == 1 {
                ranked.append(run[0].id)
                continue
            }
            var scored: [(id: Int64, score: Double)] = []
            for member in run {
                guard let score = exact[member.id] else { return nil }
                scored.append((member.id, score))
            }
            scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.id < $1.id) }
            ranked += scored.map(\.id)
        }
        return Array(ranked.prefix(limit))
    }

    /// FTS5's full-query score (positive) of each chunk, from its text and section tokens and its
    /// stored token count.
    func fullScores(of ids: [Int64], idfs: [Double]) throws -> [Int64: Double]? {
        guard !ids.isEmpty else { return [:] }
        let list = ids.map(String.init).joined(separator: ",")
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.id, c.text, c.section, s.sz FROM chunks c JOIN chunksFTS_docsize s ON s.id = c.id
                WHERE c.id IN (\(list))
                """)
        var positions: [String: [Int]] = [:]
        for (position, phrase) in phrases.enumerated() { positions[phrase.token, default: []].append(position) }
        var scores: [Int64: Double] = [:]
        while let row = try rows.next() {
            let id: Int64 = row[0]
            var frequencies = [Double](repeating: 0, count: phrases.count)
            for (column, weight) in FTS5BM25.columnWeights.enumerated() {
                let text: String = row[1 + column]
                for token in try fts5Tokenizer.tokenize(document: text) {
                    guard token.flags.isEmpty else { return nil }
                    for position in positions[token.token] ?? [] { frequencies[position] += weight }
                }
            }
            let sizes: Data = row[3]
            scores[id] = bm25.score(frequencies: frequencies, idfs: idfs, length: FTS5BM25.rowLength(sizes))
        }
        return scores
    }
}

/// How many chunks contain each query word (an FTS5 phrase's hit count, for its IDF), remembered
/// while the full-text index stays the same: counting a word found in most chunks costs a scan of its
/// whole posting list, and the same common words come back question after question.
enum PhraseHitCounts {
    private struct Cache {
        var generation = Data()
        var counts: [String: Int64] = [:]
    }

    private static let cache = Mutex([String: Cache]())

    static func counts(db: Database, path key: String, terms: [String]) throws -> [String: Int64] {
        let generation = try FTSGeneration.read(db)
        var counts = cache.withLock { cache in cache[key].flatMap { $0.generation == generation ? $0.counts : nil } } ?? [:]
        var counted: [String: Int64] = [:]
        let statement = try db.cachedStatement(sql: "SELECT count(*) FROM chunksFTS WHERE chunksFTS MATCH ?")
        for term in terms where counts[term] == nil {
            let hits = try Int64.fetchOne(statement, arguments: ["\"\(term)\""]) ?? 0
            counts[term] = hits
            counted[term] = hits
        }
        if !counted.isEmpty {
            cache.withLock { cache in
                if cache[key]?.generation != generation { cache[key] = Cache(generation: generation) }
                cache[key]?.counts.merge(counted) { _, new in new }
                if cache[key].map({ $0.counts.count > 50_000 }) == true { cache[key]?.counts = counted }
            }
        }
        return counts
    }
}
