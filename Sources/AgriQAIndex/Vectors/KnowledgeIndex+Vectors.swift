import AgriQAEmbedding
import Foundation
import GRDB

/// A chunk waiting for its embedding: the text the embedder sees is the section path, then the text.
public struct PendingChunk: Sendable {
    public var id: Int64
    public var text: String
}

extension KnowledgeIndex {
    /// The embedder whose vectors the index holds, if any was recorded.
    public func embedder() throws(IndexError) -> EmbedderDescriptor? {
        try read { db in try Self.recordedEmbedder(db) }
    }

    /// Records `descriptor` as the index's embedder, or fails if vectors from another one are there.
    public func adopt(_ descriptor: EmbedderDescriptor) throws(IndexError) {
        let path = self.path
        try writeTransaction { db in
            if let recorded = try Self.recordedEmbedder(db) {
                guard recorded == descriptor else {
                    throw IndexError.embedderMismatch(path: path, indexed: recorded.description, requested: descriptor.description)
                }
                return
            }
            try Self.record(descriptor, db)
        }
    }

    /// Drops every vector and records `descriptor` instead (`agriqa embed --rebuild`).
    public func resetVectors(for descriptor: EmbedderDescriptor) throws(IndexError) {
        try writeTransaction { db in
            try db.execute(sql: "DELETE FROM chunkVectors")
            try Self.record(descriptor, db)
        }
    }

    public func vectorCount() throws(IndexError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM chunkVectors") ?? 0 }
    }

    public func chunkCount() throws(IndexError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM chunks") ?? 0 }
    }

    /// Up to `limit` chunks without a vector, in id order.
    public func chunksWithoutVectors(limit: Int) throws(IndexError) -> [PendingChunk] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.section, c.text FROM chunks c
                    WHERE NOT EXISTS (SELECT 1 FROM chunkVectors v WHERE v.chunkId = c.id)
                    ORDER BY c.id LIMIT ?
                    """, arguments: [limit]
            ).map { row in
                let section: String = row["section"]
                let text: String = row["text"]
                return PendingChunk(id: row["id"], text: section.isEmpty ? text : section + "\n" + text)
            }
        }
    }

    /// Stores vectors in one transaction. Chunks deleted meanwhile (a document replaced during
    /// embedding) are skipped.
    public func storeVectors(_ vectors: [(chunkID: Int64, vector: [Float])], dimension: Int) throws(IndexError) {
        let path = self.path
        try writeTransaction { db in
            for (chunkID, vector) in vectors {
                guard vector.count == dimension else {
                    throw IndexError.database(path: path, detail: "embedder returned \(vector.count) floats, expected \(dimension)")
                }
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO chunkVectors(chunkId, vector)
                        SELECT ?, ? WHERE EXISTS (SELECT 1 FROM chunks WHERE id = ?)
                        """, arguments: [chunkID, VectorEncoding.encode(vector), chunkID])
            }
        }
    }

    /// The stored vector of a chunk.
    public func vector(ofChunk id: Int64) throws(IndexError) -> [Float]? {
        try read { db in
            guard let data = try Data.fetchOne(db, sql: "SELECT vector FROM chunkVectors WHERE chunkId = ?", arguments: [id]),
                let descriptor = try Self.recordedEmbedder(db)
            else { return nil }
            return VectorEncoding.decode(data, dimension: descriptor.dimension)
        }
    }

    static func recordedEmbedder(_ db: Database) throws -> EmbedderDescriptor? {
        guard let json = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'embedder'") else { return nil }
        return try? JSONDecoder().decode(EmbedderDescriptor.self, from: Data(json.utf8))
    }

    static func record(_ descriptor: EmbedderDescriptor, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('embedder', ?)", arguments: [json(descriptor)])
    }
}
