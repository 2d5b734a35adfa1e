import Foundation
import GRDB
import GRDBSQLite

/// The full-text index's postings held in memory, so a long-running searcher ranks by BM25 without
/// asking FTS5 to score every matching row.
///
/// FTS5 answers `ORDER BY bm25 LIMIT n` by computing the score of every row that matches any
/// OR-ed word, through its generic per-row machinery: at 100,000 chunks a question with a word in
/// 10,000 of them takes tens of milliseconds. The same scores, summed into one array in a tight
/// loop, take well under one.
///
/// The postings are FTS5's own: read from its `fts5vocab` instance view (so the tokens are the ones
/// the table's tokenizer made), with FTS5's row count, average length and per-row token counts, and
/// scored with ``FTS5BM25``'s formula in FTS5's order of operations. The ranking is the one the FTS5
/// query returns, ids, order and ties (lower chunk id first) included
/// (`LexicalPostingsEquivalenceTests`). They describe the full-text index as it was when loaded
/// (``generation``); ``KnowledgeIndex/lexicalRanking(_:limit:postings:)`` refuses stale ones.
public struct LexicalPostings: Sendable {
    /// The full-text index's state when these were read (``FTSGeneration``).
    let generation: Data
    let bm25: FTS5BM25
    /// Chunk ids, ascending: row r of the postings is chunk `rowIDs[r]`, so row order is id order.
    let rowIDs: [Int64]
    /// Per row, BM25's length normalisation `k1 · (1 − b + b · D / avgdl)`, computed as FTS5 does.
    let lengthNorms: [Double]
    /// Token → term number.
    let terms: [String: Int]
    /// Term t's postings are positions `termStarts[t]..<termStarts[t + 1]`, rows ascending.
    let termStarts: [Int]
    let postingRows: [UInt32]
    /// The token's occurrences in the row weighted by column (text 1.0, section 0.5), as FTS5's
    /// bm25() adds them up (sums of halves: exact).
    let postingFrequencies: [Float]

    /// Chunks covered.
    public var chunkCount: Int { rowIDs.count }
    /// (token, chunk) pairs held.
    public var postingCount: Int { postingRows.count }
    /// Bytes held by the arrays (the term dictionary's strings not counted).
    public var approximateBytes: Int {
        rowIDs.count * 16 + postingRows.count * 8 + termStarts.count * 8 + terms.count * 48
    }

    /// Reads the postings in one read transaction (call inside `KnowledgeIndex.read`).
    ///
    /// The instance view lists occurrences term by term, chunk by chunk; they are folded into one
    /// posting per (term, chunk) as they stream past, without making a string per row.
    static func load(_ db: Database) throws -> LexicalPostings {
        let generation = try FTSGeneration.read(db)
        let bm25 = try FTS5BM25.load(db) ?? FTS5BM25(rows: 0, averageLength: 1)

        var rowIDs: [Int64] = []
        var lengths: [Int] = []
        let sizes = try Row.fetchCursor(db, sql: "SELECT id, sz FROM chunksFTS_docsize ORDER BY id")
        while let row = try sizes.next() {
            rowIDs.append(row[0])
            lengths.append(FTS5BM25.rowLength(row[1]))
        }
        let lengthNorms = lengths.map { bm25.lengthNorm(length: $0) }
        var rowOfID: [Int64: UInt32] = [:]
        rowOfID.reserveCapacity(rowIDs.count)
        for (row, id) in rowIDs.enumerated() { rowOfID[id] = UInt32(row) }

        var builder = PostingsBuilder()
        let statement = try db.makeStatement(
            sql: "SELECT term, doc, col = 'section' FROM chunksFTSInstances")
        let handle = statement.sqliteStatement
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                    sql: statement.sql)
            }
            let id = sqlite3_column_int64(handle, 1)
            guard let row = rowOfID[id] else { throw LexicalPostingsError.unknownRow(id) }
            let weight: Float = sqlite3_column_int(handle, 2) == 0 ? 1.0 : 0.5
            let length = Int(sqlite3_column_bytes(handle, 0))
            let bytes = UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, 0), count: length)
            try builder.add(term: bytes, row: row, weight: weight)
        }
        let built = try builder.finish()
        return LexicalPostings(
            generation: generation, bm25: bm25, rowIDs: rowIDs, lengthNorms: lengthNorms, terms: built.terms,
            termStarts: built.termStarts, postingRows: built.rows, postingFrequencies: built.frequencies)
    }
}

/// The instance view broke the order the postings are built in (term by term, chunks ascending).
enum LexicalPostingsError: Error, CustomStringConvertible {
    case unknownRow(Int64)
    case outOfOrder(String)

    var description: String {
        switch self {
        case .unknownRow(let id): "the full-text index lists chunk \(id), which has no size record"
        case .outOfOrder(let term): "the full-text vocabulary is not in term and chunk order at '\(term)'"
        }
    }
}

/// Folds the instance view's rows (term, chunk, column) into per-term posting lists.
private struct PostingsBuilder {
    var terms: [String: Int] = [:]
    var termStarts: [Int] = []
    var rows: [UInt32] = []
    var frequencies: [Float] = []
    private var currentTerm: [UInt8] = []
    private var currentRow: UInt32?

    mutating func add(term bytes: UnsafeRawBufferPointer, row: UInt32, weight: Float) throws {
        let sameTerm = !termStarts.isEmpty && bytes.count == currentTerm.count
            && (bytes.count == 0 || memcmp(bytes.baseAddress.unsafelyUnwrapped, currentTerm, bytes.count) == 0)
        if !sameTerm {
            currentTerm = Array(bytes)
            let term = String(decoding: currentTerm, as: UTF8.self)
            guard terms[term] == nil else { throw LexicalPostingsError.outOfOrder(term) }
            terms[term] = termStarts.count
            termStarts.append(rows.count)
            currentRow = nil
        }
        if row == currentRow {
            frequencies[frequencies.count - 1] += weight
            return
        }
        if let currentRow, row < currentRow {
            throw LexicalPostingsError.outOfOrder(String(decoding: currentTerm, as: UTF8.self))
        }
        rows.append(row)
        frequencies.append(weight)
        currentRow = row
    }

    mutating func finish() throws -> (terms: [String: Int], termStarts: [Int], rows: [UInt32], frequencies: [Float]) {
        termStarts.append(rows.count)
        return (terms, termStarts, rows, frequencies)
    }
}
