import Foundation
import GRDB

extension KnowledgeIndex {
    /// Every stored vector, as chunk ids and one contiguous row-major buffer (`ids.count × dimension`
    /// floats), for the in-memory vector scan. Rows with a wrong byte count are skipped.
    public func vectorRows() throws(IndexError) -> (ids: [Int64], values: [Float], dimension: Int) {
        try read { db in
            guard let descriptor = try Self.recordedEmbedder(db) else { return ([], [], 0) }
            let dimension = descriptor.dimension
            var ids: [Int64] = []
            var values: [Float] = []
            let cursor = try Row.fetchCursor(db, sql: "SELECT chunkId, vector FROM chunkVectors ORDER BY chunkId")
            while let row = try cursor.next() {
                let data: Data = row["vector"]
                guard data.count == dimension * 4 else { continue }
                ids.append(row["chunkId"])
                data.withUnsafeBytes { raw in
                    for index in 0..<dimension {
                        values.append(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))))
                    }
                }
            }
            return (ids, values, dimension)
        }
    }

    /// A cheap fingerprint of the vector table, to notice when the in-memory copy is stale.
    public func vectorGeneration() throws(IndexError) -> String {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*) AS n, coalesce(max(chunkId), 0) AS m FROM chunkVectors")
            let embedder = try Self.recordedEmbedder(db)?.id ?? "-"
            return "\(row?["n"] ?? 0)-\(row?["m"] ?? 0)-\(embedder)"
        }
    }
}
