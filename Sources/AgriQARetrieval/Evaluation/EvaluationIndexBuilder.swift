import AgriQADomain
import AgriQAEmbedding
import AgriQAGeography
import AgriQAIndex
import AgriQAIngestion
import Foundation

/// Writes what an evaluation searches into a `KnowledgeIndex` and embeds it.
///
/// Passages become one records document (title = the passages file's name) with one chunk per
/// passage, its id in the chunk's metadata (`passage_id`) and its location as region tags. A
/// document already stored under the same path with the same fingerprint is reused, vectors
/// included, so an evaluation index kept with `--index` is built once.
public struct EvaluationIndexBuilder: Sendable {
    public static let passageIDKey = "passage_id"

    public var index: KnowledgeIndex
    public var gazetteer: Gazetteer

    public init(index: KnowledgeIndex, gazetteer: Gazetteer) {
        self.index = index
        self.gazetteer = gazetteer
    }

    public struct PassageDocument: Sendable {
        public var documentID: Int64
        /// Which passage each chunk holds.
        public var passageOfChunk: [Int64: String]
        /// The document was already in the index (not written again).
        public var reused: Bool
    }

    /// Writes the passages (unless stored already with the same fingerprint) and maps chunk ids back
    /// to passage ids. `regions` are the passages' resolved locations, by passage id.
    public func writePassages(_ set: EvaluationSet, regions: [String: Region]) throws(EvaluationError) -> PassageDocument {
        let path = URL(fileURLWithPath: set.passagesPath).standardizedFileURL.path
        let fingerprint = try Self.fingerprint(ofFile: set.passagesPath, extra: regions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.code)" })
        var reused = false
        do {
            if let stored = try index.storedDocument(path: path), stored.contentHash == fingerprint {
                reused = true
            } else {
                try index.write(passageDocument(set, path: path, fingerprint: fingerprint, regions: regions), gazetteer: gazetteer)
            }
        } catch {
            throw .index(error)
        }
        let documentID: Int64
        let chunks: [ChunkRecord]
        do throws(IndexError) {
            guard let stored = try index.storedDocument(path: path) else {
                throw IndexError.database(path: index.path, detail: "the passages document \(path) was not stored")
            }
            documentID = stored.id
            chunks = try index.chunks(ofDocument: stored.id)
        } catch {
            throw .index(error)
        }
        var passageOfChunk: [Int64: String] = [:]
        for chunk in chunks {
            guard let id = chunk.id, let metadata = chunk.metadata,
                let fields = try? JSONDecoder().decode([String: String].self, from: Data(metadata.utf8)),
                let passageID = fields[Self.passageIDKey]
            else { continue }
            passageOfChunk[id] = passageID
        }
        return PassageDocument(documentID: documentID, passageOfChunk: passageOfChunk, reused: reused)
    }

    /// The passages as one prepared records document, one chunk per passage in file order.
    func passageDocument(_ set: EvaluationSet, path: String, fingerprint: String, regions: [String: Region]) -> PreparedDocument {
        var regionCounts: [RegionCode: Int] = [:]
        let chunks = set.passages.enumerated().map { ordinal, passage in
            let tags = regions[passage.id].map(tags(for:)) ?? []
            for tag in tags { regionCounts[tag.code, default: 0] += 1 }
            var metadata = [Self.passageIDKey: passage.id]
            if let location = passage.location { metadata["location"] = location }
            let draft = ChunkDraft(
                ordinal: ordinal, text: passage.text, sectionPath: [], pageStart: 0, pageEnd: 0,
                tokenCount: TokenEstimator.count(passage.text))
            return PreparedChunk(draft: draft, regions: tags, metadata: metadata)
        }
        let total = Double(max(1, set.passages.count))
        let documentRegions = regionCounts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .prefix(20)
            .map { RegionTag(code: $0.key, weight: (Double($0.value) / total * 1000).rounded() / 1000, evidence: .recordField) }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let byteSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        return PreparedDocument(
            path: path, contentHash: fingerprint, byteSize: byteSize, kind: .records, title: name,
            metadata: DocumentMetadata(title: name), pages: [], chunks: chunks, regions: documentRegions, warnings: [])
    }

    /// A passage's region tags, as a record's state and district fields would give: the region and
    /// its ancestors below country level (the country too when the region is one), weight 1.
    func tags(for region: Region) -> [RegionTag] {
        var codes = [region.code]
        if region.level != .country {
            codes += gazetteer.ancestors(of: region.code).filter { gazetteer.region($0)?.level == .subdivision }
        }
        return codes.map { RegionTag(code: $0, weight: 1, evidence: .recordField) }
    }

    /// Writes prepared documents (held-out records removed) unless each is stored already with the
    /// same content hash. Returns how many were written.
    @discardableResult
    public func writeDocuments(_ documents: [PreparedDocument]) throws(EvaluationError) -> Int {
        var written = 0
        do {
            for document in documents {
                if let stored = try index.storedDocument(path: document.path), stored.contentHash == document.contentHash {
                    continue
                }
                try index.write(document, gazetteer: gazetteer)
                written += 1
            }
        } catch {
            throw .index(error)
        }
        return written
    }

    /// Embeds every chunk that has no vector yet.
    public func embed(
        with embedder: any TextEmbedder, progress: @Sendable (EmbeddingRunner.Progress) -> Void = { _ in }
    ) async throws(EvaluationError) -> EmbeddingRunner.Summary {
        do {
            return try await EmbeddingRunner(index: index, embedder: embedder).run(progress: progress)
        } catch let error as IndexError {
            throw .index(error)
        } catch {
            throw .embedding(detail: "\(error)")
        }
    }

    /// SHA-256 of the evaluation format version, the file's bytes and `extra` lines.
    static func fingerprint(ofFile path: String, extra: [String]) throws(EvaluationError) -> String {
        let fileHash: String
        do {
            fileHash = try SHA256.hexDigest(ofFile: path)
        } catch {
            throw .unreadable(path: path, detail: error.localizedDescription)
        }
        return "eval1:" + SHA256.hexDigest(of: Array((["agriqa-eval-1", fileHash] + extra).joined(separator: "\n").utf8))
    }
}
