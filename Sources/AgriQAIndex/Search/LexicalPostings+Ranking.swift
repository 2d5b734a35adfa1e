import Foundation
import GRDB

extension LexicalPostings {
    /// The chunk ids of `ORDER BY bm25(chunksFTS, 1.0, 0.5) LIMIT limit` for an OR of single-token
    /// phrases (`tokens`, in the query's order), best first, ties by lower chunk id.
    ///
    /// Each phrase's contributions are added to an array of row scores phrase by phrase, so every
    /// row's sum is formed in FTS5's order (a row without the phrase gains exactly 0.0 there too);
    /// the IDF counts the rows in the phrase's posting list, as FTS5 counts its hits.
    func ranking(tokens: [String], limit: Int) -> [Int64] {
        scoredRanking(tokens: tokens, limit: limit).map(\.chunkID)
    }

    /// ``ranking(tokens:limit:)`` with each chunk's score (positive: FTS5's bm25() negated).
    func scoredRanking(tokens: [String], limit: Int) -> [(chunkID: Int64, score: Double)] {
        guard limit > 0, !rowIDs.isEmpty else { return [] }
        var scores = [Double](repeating: 0, count: rowIDs.count)
        var touched: [UInt32] = []
        for token in tokens {
            guard let term = terms[token] else { continue }
            let range = termStarts[term]..<termStarts[term + 1]
            let idf = bm25.idf(hits: Int64(range.count))
            postingRows.withUnsafeBufferPointer { rows in
                postingFrequencies.withUnsafeBufferPointer { frequencies in
                    lengthNorms.withUnsafeBufferPointer { norms in
                        scores.withUnsafeMutableBufferPointer { scores in
                            for position in range {
                                let row = Int(rows[position])
                                if scores[row] == 0 { touched.append(rows[position]) }
                                scores[row] += FTS5BM25.term(
                                    idf: idf, frequency: Double(frequencies[position]), lengthNorm: norms[row])
                            }
                        }
                    }
                }
            }
        }
        return Self.best(touched, scores: scores, limit: limit).map { (rowIDs[Int($0)], scores[Int($0)]) }
    }

    /// The `limit` best rows by score (higher first, then lower row), in that order.
    static func best(_ rows: [UInt32], scores: [Double], limit: Int) -> [UInt32] {
        func before(_ a: UInt32, _ b: UInt32) -> Bool {
            let scoreA = scores[Int(a)], scoreB = scores[Int(b)]
            return scoreA > scoreB || (scoreA == scoreB && a < b)
        }
        guard rows.count > limit else { return rows.sorted(by: before) }
        // A heap whose root is the worst of the best `limit` seen so far.
        var heap = Array(rows.prefix(limit))
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var worst = parent
                if left < heap.count, before(heap[worst], heap[left]) { worst = left }
                if right < heap.count, before(heap[worst], heap[right]) { worst = right }
                if worst == parent { return }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
        for start in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(start) }
        for row in rows.dropFirst(limit) where before(row, heap[0]) {
            heap[0] = row
            siftDown(0)
        }
        return heap.sorted(by: before)
    }
}

/// What an in-memory lexical ranking came to.
public enum InMemoryLexicalRanking: Sendable {
    /// The ranking, identical to the FTS5 query's.
    case ranked([Int64])
    /// The index changed since the postings were read: rebuild them; FTS5 answers meanwhile.
    case stale
    /// A query word the tokenizer splits into several tokens (a phrase): FTS5 answers this one.
    case unsupported
}

extension KnowledgeIndex {
    /// Reads the full-text postings into memory (seconds at 100,000 chunks; see ``LexicalPostings``).
    public func lexicalPostings() throws(IndexError) -> LexicalPostings {
        try read { db in try LexicalPostings.load(db) }
    }

    /// True while the full-text index is as it was when `postings` were read.
    public func isCurrent(_ postings: LexicalPostings) throws(IndexError) -> Bool {
        try read { db in try FTSGeneration.read(db) == postings.generation }
    }

    /// ``lexicalRanking(_:limit:)`` answered from in-memory postings when they are current.
    public func lexicalRanking(_ question: String, limit: Int, postings: LexicalPostings) throws(IndexError)
        -> InMemoryLexicalRanking
    {
        let terms = FTSQuery.terms(question)
        guard !terms.isEmpty, limit > 0 else { return .ranked([]) }
        return try read { db in
            guard try FTSGeneration.read(db) == postings.generation else { return .stale }
            let tokenizer = try db.makeTokenizer(LexicalPruning.tokenizer)
            var tokens: [String] = []
            for term in terms {
                let made = try tokenizer.tokenize(query: term)
                guard made.count == 1, let token = made.first, token.flags.isEmpty else { return .unsupported }
                tokens.append(token.token)
            }
            return .ranked(postings.ranking(tokens: tokens, limit: limit))
        }
    }
}
