import AgriQAAnswering
import AgriQADomain
import AgriQAGeography
import AgriQAIndex
import AgriQAIngestion
import AgriQARetrieval
import Foundation

/// Shared test material: the built-in gazetteer (Debian iso-codes; tests needing it are skipped
/// without it), hand-made sources, and a small real index.
enum Fixtures {
    static let gazetteer: Gazetteer? = try? Gazetteer.builtIn()

    /// The repository root (this file is Tests/AgriQAAnsweringTests/Support/Fixtures.swift).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func source(
        _ number: Int, _ text: String, title: String = "Guide", section: String = "", regions: [String] = [],
        relation: RegionRelation = .none, page: Int? = 2, label: String? = nil
    ) -> AnswerSource {
        AnswerSource(
            citation: Citation(
                number: number, chunkID: Int64(100 + number), documentID: Int64(number), title: title,
                path: "/docs/\(number).pdf", pageLabel: label, pageStart: page, pageEnd: page, section: section,
                snippet: String(text.prefix(80)), regions: regions, relation: relation),
            text: text)
    }

    /// A folder removed when the value goes away.
    final class TemporaryFolder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-answer-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// A document of one or more chunks, tagged with `region` (weight 1) when given.
    static func document(path: String, title: String, region: RegionCode?, sections: [(String, String)]) -> PreparedDocument {
        let tags = region.map { [RegionTag(code: $0, weight: 1, evidence: .title)] } ?? []
        let chunks = sections.enumerated().map { ordinal, section in
            PreparedChunk(
                draft: ChunkDraft(
                    ordinal: ordinal, text: section.1, sectionPath: [section.0], pageStart: ordinal + 1, pageEnd: ordinal + 1,
                    tokenCount: TokenEstimator.count(section.1)),
                regions: tags.map { RegionTag(code: $0.code, weight: 0.8, evidence: .inherited) })
        }
        return PreparedDocument(
            path: path, contentHash: "hash-\(path)", byteSize: 1_000, kind: .pdf, title: title,
            metadata: DocumentMetadata(title: title), pages: [], chunks: chunks, regions: tags, warnings: [])
    }

    /// Three small documents: Washington winter wheat, Iowa corn, a general soil-testing guide.
    static func sampleIndex(in folder: TemporaryFolder, gazetteer: Gazetteer) throws -> KnowledgeIndex {
        let index = try KnowledgeIndex(path: folder.url.appendingPathComponent("answer.sqlite").path)
        let documents = [
            document(
                path: "/docs/wa-wheat.pdf", title: "Winter Wheat in Eastern Washington", region: "US-WA",
                sections: [
                    ("Seeding Dates",
                     "On the Palouse, seed winter wheat from late September to mid-October, after the legume harvest. Wheat that emerges before the end of October usually survives the winter well."),
                    ("Nitrogen",
                     "Winter wheat needs about 2.5 lb of nitrogen per bushel of expected yield. Apply most of the nitrogen in fall, e.g. with the drill, and the rest in early spring."),
                ]),
            document(
                path: "/docs/ia-corn.pdf", title: "Corn Planting Guide for Iowa", region: "US-IA",
                sections: [
                    ("Planting Dates",
                     "Plant corn in Iowa when the soil at planting depth reaches 50 degrees F, usually from mid-April to early May. Yield drops when corn is planted after mid-May."),
                ]),
            document(
                path: "/docs/soil.pdf", title: "Soil Testing Basics", region: nil,
                sections: [
                    ("Sampling",
                     "Take soil samples every three years from the top 6 inches. Mix 15 to 20 cores from each field into one sample for the laboratory."),
                ]),
        ]
        for document in documents { _ = try index.write(document, gazetteer: gazetteer) }
        return index
    }
}
