@testable import AgriQAIndex
import Foundation
import GRDB
import Testing

/// The real pipeline on the real material in ../shared/data (skipped when it is absent): every PDF and
/// every Kisan Call Centre file ingests, with the Indian district gazetteer resolving districts.
@Suite(.serialized, .enabled(if: AgriQABinary.exists && AgriQABinary.hasSharedData)) struct SharedDataIngestTests {
    @Test func sharedPDFsAndKisanCallCentreRecordsIngest() throws {
        let directory = try AgriQABinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let indexPath = directory.appendingPathComponent("index.sqlite").path
        let data = AgriQABinary.sharedData
        let result = try AgriQABinary.run([
            "ingest", data.appendingPathComponent("pdfs").path, data.appendingPathComponent("kcc").path,
            "--gazetteer", data.appendingPathComponent("gazetteers/india/2-district.csv").path,
            "--index", indexPath, "--json", "--no-embed",  // 15k chunks: embedding is measured by make bench
        ])
        #expect(result.status == 0, "\(result.stdout.suffix(2000)) \(result.stderr.suffix(2000))")
        let summary = try AgriQABinary.json(result.stdout)
        let pdfs = FileManager.default.enumerator(atPath: data.appendingPathComponent("pdfs").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".pdf") }.count ?? 0
        #expect(summary["added"] as? Int == pdfs + 3)
        #expect((summary["failed"] as? [Any])?.isEmpty == true)
        #expect((summary["pages"] as? Int ?? 0) > 500)
        #expect((summary["chunks"] as? Int ?? 0) > 10_000)

        let index = try KnowledgeIndex(path: indexPath)
        #expect(try index.integrityProblems().isEmpty)
        let documents = try index.documents()
        func topRegion(_ suffix: String) throws -> String? {
            guard let document = documents.first(where: { $0.path.hasSuffix(suffix) }) else { return nil }
            return try index.regions(ofDocument: document.id ?? 0).first?.regionCode
        }
        /// The country of the strongest document tag (a document may be tagged with a state of it).
        func topCountry(_ suffix: String) throws -> String? {
            try topRegion(suffix).map { String($0.prefix { $0 != "-" && $0 != "/" }) }
        }
        // Checked by hand against the articles' text.
        #expect(try topCountry("10.1186_s43170-023-00156-4.pdf") == "NG")  // climate-smart agriculture, Nigeria
        #expect(try topCountry("10.1186_s43170-023-00165-3.pdf") == "ZW")  // Zimbabwe
        #expect(try topCountry("10.1186_s43170-023-00197-9.pdf") == "MZ")  // common bean value chain, Mozambique
        #expect(try topCountry("10.1186_s43170-023-00160-8.pdf") == "TH")  // fall armyworm, Thailand
        #expect(try topCountry("cagri190036.pdf") == "ML")  // cotton pesticides, Mali (French)

        // Kisan Call Centre records carry their state and district as regions.
        let apDocument = try #require(documents.first { $0.path.hasSuffix("kcc_andhra_pradesh_2024_krishisahay.csv") })
        #expect(apDocument.chunkCount > 5_000)
        #expect(try topRegion("kcc_andhra_pradesh_2024_krishisahay.csv")?.hasPrefix("IN-AP") == true)
        let districtTagged = try index.pool.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(DISTINCT c.id) FROM chunks c JOIN chunkRegions r ON r.chunkId = c.id
                    WHERE c.documentId = ? AND r.regionCode LIKE 'IN-AP/%' AND r.evidence = 'recordField'
                    """, arguments: [apDocument.id])
        }
        #expect((districtTagged ?? 0) > 4_500, "Andhra Pradesh records tagged with their district: \(districtTagged ?? 0)")
    }
}
