import AgriQADomain
import AgriQAEmbedding
import AgriQAGeography
import AgriQAIndex
import Foundation
import Testing

@testable import AgriQARetrieval

/// `HybridSearcher`'s fast path (details fetched only where the result list reaches them, snippets
/// for the returned hits only, the vector check skipped while the files are unchanged) returns
/// exactly what the straightforward pipeline returns — same hits, order, scores, snippets and
/// notices — on a real index, in every mode, with and without a location, float32 and int8.
@Suite struct HybridSearcherEquivalenceTests {
    /// A deterministic bag-of-words embedder (hashed words, L2-normalized), standing in for a model.
    struct HashEmbedder: TextEmbedder {
        var descriptor: EmbedderDescriptor { EmbedderDescriptor(id: "test:hash", dimension: 32, maxTokens: 512) }

        func embed(_ texts: [String]) async throws -> [[Float]] {
            texts.map { text in
                var vector = [Float](repeating: 0, count: 32)
                vector[0] = 0.1
                for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                    for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                    vector[Int(hash % 32)] += hash & 0x100 == 0 ? 1 : -1
                }
                let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
                return vector.map { $0 / norm }
            }
        }
    }

    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-equivalence-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static let states = ["Andhra Pradesh", "Telangana", "Washington", "Kerala", ""]
    static let crops = ["paddy", "maize", "wheat", "chilli", "cotton", "groundnut"]
    static let problems = [
        "stem borer", "leaf blast", "yellow mosaic", "fruit rot", "aphids", "weed control", "nitrogen dose",
        "sowing time", "irrigation schedule", "market price",
    ]
    static let advice = [
        "Spray chlorantraniliprole 0.3 ml per litre of water.", "Apply 50 kg urea per acre in two splits.",
        "Irrigate at critical stages: tillering, flowering and grain filling.",
        "Use pheromone traps at 5 per acre and remove affected plants.",
        "దయచేసి మీకు దగ్గరలో ఉన్న వ్యవసాయ అధికారిని సంప్రదించండి.", "Sow in the first fortnight of June.\nThin seedlings after 15 days.",
        "Le semis se fait après les premières pluies.",
    ]

    /// Three record files of 70 generated records with states, repeats and mixed scripts.
    static func writeRecords(to folder: URL) throws {
        var generator = TestGenerator(state: 11)
        for file in 0..<3 {
            var lines: [String] = []
            for number in 0..<70 {
                let crop = crops.randomElement(using: &generator) ?? "paddy"
                let problem = problems.randomElement(using: &generator) ?? "aphids"
                let state = states[(number + file) % states.count]
                var answer = advice.randomElement(using: &generator) ?? ""
                if number % 9 == 0 { answer = advice[0] }  // repeated advice: near-duplicates to collapse
                let record: [String: String] = [
                    "question": "how to manage \(problem) in \(crop)?", "answer": answer, "state": state, "crop": crop,
                ]
                let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
                lines.append(String(decoding: data, as: UTF8.self))
            }
            try lines.joined(separator: "\n").write(
                to: folder.appendingPathComponent("records-\(file).jsonl"), atomically: true, encoding: .utf8)
        }
    }

    @Test func fastPathReturnsWhatTheStraightforwardPipelineReturns() async throws {
        let folder = try Folder()
        try Self.writeRecords(to: folder.url)
        let gazetteer = try Gazetteer.builtIn()
        let index = try KnowledgeIndex(path: folder.url.appendingPathComponent("index.sqlite").path)
        let summary = await IngestCoordinator(index: index, gazetteer: gazetteer).run([folder.url.path])
        #expect(summary.failed.isEmpty)
        #expect(try index.chunkCount() == 210)
        let embedder = HashEmbedder()
        _ = try await EmbeddingRunner(index: index, embedder: embedder).run()
        // FTS5 for BM25, and in-memory postings: both must match the reference.
        let searchers = [
            HybridSearcher(index: index, embedder: embedder, gazetteer: gazetteer),
            HybridSearcher(index: index, embedder: embedder, gazetteer: gazetteer, lexicalPostings: .eager),
        ]

        let questions = [
            "how do I control stem borer in paddy", "urea dose for maize", "wheat sowing time in Washington",
            "market price of chilli", "వ్యవసాయ అధికారి", "semis après pluies", "aphids", "the of and",
        ]
        let locations: [Region?] = [nil, try gazetteer.resolveLocation("IN-AP"), try gazetteer.resolveLocation("US-WA")]
        let shapes = [(k: 8, perDocument: 2), (k: 3, perDocument: 1), (k: 20, perDocument: 5)]
        var compared = 0
        for question in questions {
            for location in locations {
                for mode in SearchMode.allCases {
                    for quantized in [false, true] {
                        for shape in shapes {
                            let options = SearchOptions(k: shape.k, mode: mode, perDocument: shape.perDocument, quantized: quantized)
                            let expected = try await Self.reference(
                                question, location: location, options: options, index: index, embedder: embedder,
                                gazetteer: gazetteer)
                            for (number, searcher) in searchers.enumerated() {
                                let actual = try await searcher.search(question, location: location, options: options)
                                let context = "\(question) @ \(location?.code.rawValue ?? "-") \(mode) int8=\(quantized) k=\(shape.k) searcher \(number)"
                                #expect(actual.hits.map(\.chunkID) == expected.hits.map(\.chunkID), "\(context)")
                                #expect(actual.hits.map(\.scores.fused) == expected.hits.map(\.scores.fused), "\(context)")
                                #expect(actual.hits.map(\.snippet) == expected.hits.map(\.snippet), "\(context)")
                                #expect(actual.hits.map(\.matchedTerms) == expected.hits.map(\.matchedTerms), "\(context)")
                                #expect(actual.hits.map(\.relation) == expected.hits.map(\.relation), "\(context)")
                                #expect(actual.hits.map(\.regions) == expected.hits.map(\.regions), "\(context)")
                                #expect(actual.hits.map(\.rank) == actual.hits.indices.map { $0 + 1 })
                                #expect(actual.notices == expected.notices, "\(context)")
                                compared += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(compared == questions.count * 3 * 3 * 2 * 3 * searchers.count)
    }

    @Test func vectorsWrittenAfterASearchAreSearchedNext() async throws {
        let folder = try Folder()
        try Self.writeRecords(to: folder.url)
        let gazetteer = try Gazetteer.builtIn()
        let index = try KnowledgeIndex(path: folder.url.appendingPathComponent("index.sqlite").path)
        _ = await IngestCoordinator(index: index, gazetteer: gazetteer).run([folder.url.path])
        let embedder = HashEmbedder()
        _ = try await EmbeddingRunner(index: index, embedder: embedder).run()
        let searcher = HybridSearcher(index: index, embedder: embedder, gazetteer: gazetteer)
        let question = "zucchini blossom end rot calcium"
        let dense = SearchOptions(k: 3, mode: .dense)
        let before = try await searcher.search(question, location: nil, options: dense)
        #expect(before.hits.allSatisfy { !$0.text.contains("zucchini") })

        let extra = folder.url.appendingPathComponent("more")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        try #"{"question": "zucchini blossom end rot", "answer": "Keep calcium and watering even."}"#
            .write(to: extra.appendingPathComponent("more.jsonl"), atomically: true, encoding: .utf8)
        _ = await IngestCoordinator(index: index, gazetteer: gazetteer).run([extra.path])
        _ = try await EmbeddingRunner(index: index, embedder: embedder).run()
        // Right after the write: the files changed, so the searcher re-reads the vectors.
        let after = try await searcher.search(question, location: nil, options: dense)
        #expect(after.hits.first?.text.contains("zucchini") == true)
    }

    /// The search pipeline as first written: every candidate's details fetched, every candidate's
    /// snippet made, then sorted and diversified.
    static func reference(
        _ question: String, location: Region?, options: SearchOptions, index: KnowledgeIndex, embedder: HashEmbedder,
        gazetteer: Gazetteer
    ) async throws -> SearchResponse {
        var notices: [String] = []
        var mode = options.mode
        var lexical: [Int64] = []
        if mode != .dense { lexical = try index.lexicalSearch(question, limit: options.candidates).map(\.chunkID) }
        let rows = try index.vectorRows()
        let vectors = VectorMatrix(chunkIDs: rows.ids, values: rows.values, dimension: rows.dimension)
        var dense: [(chunkID: Int64, score: Float)] = []
        if mode != .bm25 {
            if vectors.count == 0 {
                notices.append("the index has no vectors: ranked by BM25 only (run `agriqa embed`).")
                if mode == .dense { lexical = try index.lexicalSearch(question, limit: options.candidates).map(\.chunkID) }
                mode = .bm25
            } else if let query = try await embedder.embed([question]).first {
                dense = options.quantized
                    ? QuantizedVectorMatrix(vectors).nearest(to: query, k: options.candidates)
                    : vectors.nearest(to: query, k: options.candidates)
            }
        }
        var fused: [Int64: (score: Double, lexicalRank: Int?, denseRank: Int?, cosine: Float?)] = [:]
        for (offset, id) in lexical.enumerated() {
            fused[id, default: (0, nil, nil, nil)].score += options.lexicalWeight / (options.rrfK + Double(offset + 1))
            fused[id]?.lexicalRank = offset + 1
        }
        for (offset, hit) in dense.enumerated() {
            fused[hit.chunkID, default: (0, nil, nil, nil)].score += options.denseWeight / (options.rrfK + Double(offset + 1))
            fused[hit.chunkID]?.denseRank = offset + 1
            fused[hit.chunkID]?.cosine = hit.score
        }
        let details = try index.chunkDetails(Array(fused.keys))
        let asker = location?.code
        let terms = FTSQuery.terms(question)
        let bestCosine = dense.first?.score ?? 0
        var candidates: [SearchHit] = []
        for (id, parts) in fused {
            guard let detail = details[id] else { continue }
            let relation = referenceRelation(detail.regions, to: asker, gazetteer: gazetteer)
            var factor = asker == nil ? 1 : GeographyRanking.factor(relation)
            let relevant = parts.lexicalRank != nil || (parts.cosine.map { $0 >= bestCosine - HybridSearcher.cosineMargin } ?? false)
            if !relevant { factor = min(factor, 1) }
            let matched = Reference.matchedTerms(terms, in: detail.section + " " + detail.text)
            candidates.append(
                SearchHit(
                    rank: 0, chunkID: id, documentID: detail.documentID, title: detail.title, path: detail.path,
                    pageStart: detail.pageStart, pageEnd: detail.pageEnd, pageLabel: detail.pageLabel,
                    section: detail.section, text: detail.text, snippet: Reference.snippet(detail.text, terms: matched),
                    matchedTerms: matched, regions: detail.regions.map(\.code), relation: relation,
                    scores: ScoreParts(
                        bm25Rank: parts.lexicalRank, denseRank: parts.denseRank, cosine: parts.cosine,
                        geographyFactor: factor, fused: parts.score * factor)))
        }
        candidates.sort { $0.scores.fused > $1.scores.fused || ($0.scores.fused == $1.scores.fused && $0.chunkID < $1.chunkID) }
        var perDocument: [Int64: Int] = [:]
        var openings: Set<String> = []
        var hits: [SearchHit] = []
        for hit in candidates where hits.count < options.k {
            guard perDocument[hit.documentID, default: 0] < options.perDocument else { continue }
            let opening = Reference.opening(hit.text)
            guard !openings.contains(opening) else { continue }
            if hits.contains(where: { (vectors.cosine($0.chunkID, hit.chunkID) ?? 0) > Diversity.duplicateCosine }) { continue }
            openings.insert(opening)
            perDocument[hit.documentID, default: 0] += 1
            var ranked = hit
            ranked.rank = hits.count + 1
            hits.append(ranked)
        }
        if let location, !hits.isEmpty, !hits.contains(where: { $0.relation == .same || $0.relation == .child }) {
            let elsewhere = Set(hits.filter { $0.relation == .other }.compactMap { $0.regions.first })
                .compactMap { gazetteer.region(RegionCode($0))?.name }.sorted()
            notices.append(
                "no \(location.name)-specific source found"
                    + (elsewhere.isEmpty ? "" : "; results include guidance from \(elsewhere.prefix(4).joined(separator: ", "))") + ".")
        }
        if hits.isEmpty {
            notices.append(terms.isEmpty && mode == .bm25 ? "the question has no searchable words." : "nothing in the index matches.")
        }
        return SearchResponse(
            question: question, mode: mode, location: location.map { .init(code: $0.code.rawValue, name: $0.name) },
            hits: hits, notices: notices)
    }

    /// `GeographyRanking.relation(of:to:)` written plainly (country tags beside a subdivision elsewhere set aside, then the closest relation).
    static func referenceRelation(
        _ regions: [(code: String, weight: Double)], to asker: RegionCode?, gazetteer: Gazetteer
    ) -> RegionRelation {
        let strong = regions.filter { $0.weight >= 0.3 }.map { RegionCode($0.code) }
        guard !strong.isEmpty else { return .none }
        guard let asker else { return .none }
        let askerAncestors = Set(gazetteer.ancestors(of: asker) + [asker.syntacticParent, asker.country].compactMap { $0 })
        func priority(_ relation: RegionRelation) -> Int {
            switch relation {
            case .same: return 4
            case .child: return 3
            case .parent: return 2
            case .none: return 1
            case .other: return 0
            }
        }
        func inside(_ code: RegionCode, _ ancestor: RegionCode) -> Bool {
            gazetteer.isDescendant(code, of: ancestor) || code.rawValue.hasPrefix(ancestor.rawValue + "/")
                || code.rawValue.hasPrefix(ancestor.rawValue + "-")
        }
        let considered = strong.filter { code in
            code != code.country
                || !strong.contains { $0 != code && inside($0, code) && $0 != asker && !inside($0, asker) && !inside(asker, $0) }
        }
        var best: RegionRelation = .other
        for code in considered {
            let relation: RegionRelation
            if code == asker {
                relation = .same
            } else if gazetteer.isDescendant(code, of: asker) || code.rawValue.hasPrefix(asker.rawValue + "/")
                || code.rawValue.hasPrefix(asker.rawValue + "-")
            {
                relation = .child
            } else if askerAncestors.contains(code) {
                relation = .parent
            } else {
                relation = .other
            }
            if priority(relation) > priority(best) { best = relation }
        }
        return best
    }
}
