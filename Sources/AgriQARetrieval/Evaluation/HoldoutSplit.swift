import AgriQADomain
import AgriQAGeography
import AgriQAIngestion
import Foundation

/// A Q&A record kept out of the index and asked as a question, from the record's own state.
public struct HeldOutRecord: Sendable, Equatable {
    /// `file name#record id`.
    public var id: String
    public var question: String
    /// The record's state, as the ingestion pipeline resolved its state field.
    public var state: Region
}

/// Q&A record files prepared by the ingestion pipeline (`DocumentPreparer`, `RecordReader`), with a
/// seeded random sample of records held out: the held-out records are removed from the documents
/// to index and become questions.
public struct HoldoutSplit: Sendable {
    /// The files' documents without the held-out records, ready for `KnowledgeIndex.write`.
    public var documents: [PreparedDocument]
    public var heldOut: [HeldOutRecord]
    /// Records read from all files.
    public var records: Int
    /// Records that could be held out: with a question and a resolved state.
    public var eligible: Int
    /// Problems the pipeline reported (malformed lines, unknown districts).
    public var warnings: [String]
    /// For each held-out state, the share of indexed records in it or inside it: what a ranking
    /// blind to geography would put in the top 5 on average.
    public var indexedShare: [RegionCode: Double]

    /// Prepares `files` and holds out `count` records chosen by a shuffle seeded with `seed`.
    public static func make(
        files: [String], gazetteer: Gazetteer, count: Int, seed: UInt64
    ) throws(EvaluationError) -> HoldoutSplit {
        let preparer = DocumentPreparer(tagger: GeoTagger(gazetteer: gazetteer))
        var documents: [PreparedDocument] = []
        var fileHashes: [String] = []
        for file in files {
            let path = URL(fileURLWithPath: file).standardizedFileURL.path
            guard DocumentPreparer.kind(ofFile: path) == .records else {
                throw .notRecords(path: path)
            }
            let hash: String
            let size: Int
            do {
                hash = try SHA256.hexDigest(ofFile: path)
                size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            } catch {
                throw .unreadable(path: path, detail: error.localizedDescription)
            }
            do {
                documents.append(try preparer.prepare(path: path, contentHash: hash, byteSize: size))
            } catch {
                throw .preparation(error)
            }
            fileHashes.append(hash)
        }

        // Candidates: records with a question and a state, in file order, then shuffled.
        var candidates: [(document: Int, chunk: Int, state: Region)] = []
        var records = 0
        for (documentIndex, document) in documents.enumerated() {
            records += document.chunks.count
            for (chunkIndex, chunk) in document.chunks.enumerated() {
                guard let question = chunk.metadata["question"], !question.isEmpty,
                    let state = state(of: chunk, gazetteer: gazetteer)
                else { continue }
                candidates.append((documentIndex, chunkIndex, state))
            }
        }
        guard !candidates.isEmpty else { throw .nothingToHoldOut(files: files) }
        guard count >= 1, count <= candidates.count, count <= records / 2 else {
            throw .holdoutTooLarge(requested: count, eligible: candidates.count, total: records)
        }
        let chosen = Array(candidates.seededShuffle(seed: seed).prefix(count))

        var heldOut: [HeldOutRecord] = []
        var removed: [Int: Set<Int>] = [:]
        for pick in chosen {
            let document = documents[pick.document]
            let chunk = document.chunks[pick.chunk]
            let name = URL(fileURLWithPath: document.path).lastPathComponent
            heldOut.append(
                HeldOutRecord(
                    id: "\(name)#\(chunk.metadata["record_id"] ?? String(pick.chunk + 1))",
                    question: chunk.metadata["question"] ?? "", state: pick.state))
            removed[pick.document, default: []].insert(pick.chunk)
        }
        // The split is part of what is indexed: a kept index is reused only for the same files, seed and count.
        let splitKey = (["agriqa-eval-holdout-1", "seed=\(seed)", "count=\(count)"] + fileHashes).joined(separator: "\n")
        var warnings: [String] = []
        for index in documents.indices {
            let drop = removed[index] ?? []
            documents[index].chunks = documents[index].chunks.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            documents[index].contentHash = "eval1:" + SHA256.hexDigest(of: Array((splitKey + "\n" + documents[index].contentHash).utf8))
            warnings += documents[index].warnings
        }

        let ranking = GeographyRanking(gazetteer: gazetteer)
        var indexedShare: [RegionCode: Double] = [:]
        let indexed = documents.flatMap(\.chunks)
        for code in Set(heldOut.map(\.state.code)) {
            let inside = indexed.filter { chunk in
                let relation = ranking.relation(of: chunk.regions.map { ($0.code.rawValue, $0.weight) }, to: code)
                return relation == .same || relation == .child
            }.count
            indexedShare[code] = indexed.isEmpty ? 0 : Double(inside) / Double(indexed.count)
        }
        return HoldoutSplit(
            documents: documents, heldOut: heldOut, records: records, eligible: candidates.count, warnings: warnings,
            indexedShare: indexedShare)
    }

    /// The record's state: its state field as the pipeline resolved it (a `.recordField` tag at
    /// subdivision level).
    static func state(of chunk: PreparedChunk, gazetteer: Gazetteer) -> Region? {
        for tag in chunk.regions where tag.evidence == .recordField {
            if let region = gazetteer.region(tag.code), region.level == .subdivision { return region }
        }
        return nil
    }
}
