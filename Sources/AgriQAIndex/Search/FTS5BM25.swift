import Foundation
import GRDB

/// SQLite FTS5's `bm25()` (ext/fts5/fts5_aux.c), recomputed outside SQLite for a few rows, with the
/// same statistics and the same floating-point operations in the same order, so the values are
/// bit-for-bit what `bm25(chunksFTS, 1.0, 0.5)` returns (negated: here larger is better).
///
/// For phrase i of the query: `idf_i = log((N − n_i + 0.5) / (n_i + 0.5))`, or 1e-6 when that is
/// not positive (a word in half the rows or more); the row's score is
/// `Σ_i idf_i · f_i·(k1+1) / (f_i + k1·(1 − b + b·D/avgdl))` summed in phrase order, where f_i is the
/// phrase's occurrences weighted by column (text 1.0, section 0.5), D the row's tokens and avgdl the
/// table's tokens per row. One phrase's term can add at most `idf_i · (k1 + 1)`.
struct FTS5BM25 {
    static let k1 = 1.2
    static let b = 0.75
    /// `bm25(chunksFTS, 1.0, 0.5)`: the text and section columns' weights.
    static let columnWeights = [1.0, 0.5]

    /// Rows in the table (FTS5's `xRowCount`).
    let rows: Int64
    /// Tokens per row over all columns (`xColumnTotalSize(-1) / xRowCount`).
    let averageLength: Double

    /// Reads the totals FTS5 keeps in its averages record (`chunksFTS_data` row 1: the row count,
    /// then each column's token total, as varints). Nil when the record is missing or empty.
    static func load(_ db: Database) throws -> FTS5BM25? {
        guard let block = try Data.fetchOne(db, sql: "SELECT block FROM chunksFTS_data WHERE id = 1") else { return nil }
        var reader = VarintReader(bytes: [UInt8](block))
        guard let rows = reader.next(), rows > 0 else { return nil }
        var tokens: UInt64 = 0
        for _ in columnWeights { tokens &+= reader.next() ?? 0 }
        return FTS5BM25(rows: Int64(bitPattern: rows), averageLength: Double(Int64(bitPattern: tokens)) / Double(Int64(bitPattern: rows)))
    }

    /// The IDF of a phrase found in `hits` rows.
    func idf(hits: Int64) -> Double {
        let idf = log((Double(rows - hits) + 0.5) / (Double(hits) + 0.5))
        return idf <= 0 ? 1e-6 : idf
    }

    /// The most one phrase of this IDF can add to a row's score.
    static func bound(idf: Double) -> Double { idf * (k1 + 1.0) }

    /// A row's score from each phrase's weighted frequency (`frequencies[i]`, phrase order) and the
    /// row's token count, as FTS5 sums it.
    func score(frequencies: [Double], idfs: [Double], length: Int) -> Double {
        let norm = lengthNorm(length: length)
        var score = 0.0
        for (frequency, idf) in zip(frequencies, idfs) { score += Self.term(idf: idf, frequency: frequency, lengthNorm: norm) }
        return score
    }

    /// `k1 · (1 − b + b · D / avgdl)` for a row of `length` tokens (D), as FTS5 computes it.
    func lengthNorm(length: Int) -> Double {
        Self.k1 * (1 - Self.b + Self.b * Double(length) / averageLength)
    }

    /// One phrase's part of a row's score: `idf · f·(k1+1) / (f + lengthNorm)`, in FTS5's order.
    @inline(__always)
    static func term(idf: Double, frequency: Double, lengthNorm: Double) -> Double {
        idf * ((frequency * (k1 + 1.0)) / (frequency + lengthNorm))
    }

    /// Token counts per column from a `chunksFTS_docsize.sz` blob (one varint per column), summed.
    static func rowLength(_ blob: Data) -> Int {
        var reader = VarintReader(bytes: [UInt8](blob))
        var total: UInt64 = 0
        while let value = reader.next() { total &+= value }
        return Int(truncatingIfNeeded: total)
    }
}

/// SQLite's variable-length integers (big-endian groups of 7 bits, the ninth byte whole), as FTS5
/// writes them in its records.
struct VarintReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func next() -> UInt64? {
        guard offset < bytes.count else { return nil }
        var value: UInt64 = 0
        for position in 0..<9 {
            guard offset < bytes.count else { return nil }
            let byte = bytes[offset]
            offset += 1
            if position == 8 { return (value << 8) | UInt64(byte) }
            value = (value << 7) | UInt64(byte & 0x7f)
            if byte & 0x80 == 0 { return value }
        }
        return value
    }
}
