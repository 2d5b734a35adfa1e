import AgriQAAnswering
import AgriQADomain
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import Foundation
import Testing

/// One index of the sample corpus for the whole suite: ingesting is the slow part.
actor CorpusIndex {
    static let shared = CorpusIndex()
    private var built: (Fixtures.TemporaryFolder, AnswerService, Gazetteer)?

    func service() async throws -> (AnswerService, Gazetteer) {
        if let built { return (built.1, built.2) }
        var gazetteer = try #require(Fixtures.gazetteer)
        _ = try gazetteer.load(file: corpus.appendingPathComponent("gazetteer/sample-places.csv").path)
        let folder = try Fixtures.TemporaryFolder()
        let index = try KnowledgeIndex(path: folder.url.appendingPathComponent("corpus.sqlite").path)
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".pdf") }.sorted()
        let summary = await IngestCoordinator(index: index, gazetteer: gazetteer, concurrency: 2)
            .run(pdfs.map { corpus.appendingPathComponent($0).path })
        #expect(summary.failed.isEmpty)
        #expect(summary.added == pdfs.count)
        let service = AnswerService(
            searcher: HybridSearcher(index: index, embedder: nil, gazetteer: gazetteer), model: nil, gazetteer: gazetteer)
        built = (folder, service, gazetteer)
        return (service, gazetteer)
    }
}

/// The sample corpus and the built-in gazetteer are both present.
private let corpusAvailable = Fixtures.gazetteer != nil
    && FileManager.default.fileExists(atPath: corpus.appendingPathComponent("expected.json").path)

private let corpus = Fixtures.repository.appendingPathComponent("corpus")

/// End to end over the sample corpus: the PDFs in corpus/ ingested (poppler) into a temporary index,
/// searched with BM25 (no embedder), answered extractively. The expected documents come from
/// corpus/expected.json.
@Suite(.enabled(if: corpusAvailable)) struct CorpusAnswerTests {
    /// The title expected.json gives the file.
    static func title(of file: String) throws -> String {
        let data = try Data(contentsOf: corpus.appendingPathComponent("expected.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entry = try #require(object[file] as? [String: Any])
        return try #require(entry["title"] as? String)
    }

    func ask(_ question: String, location: String?) async throws -> Answer {
        let (service, gazetteer) = try await CorpusIndex.shared.service()
        let region = try location.map { try gazetteer.resolveLocation($0) }
        return try await service.answer(AnswerRequest(question: question, location: region))
    }

    /// The source of the answer's first marker: the best sentence's.
    func firstCited(_ answer: Answer) -> Citation? {
        guard let open = answer.answer.firstIndex(of: "["),
            let number = Int(answer.answer[answer.answer.index(after: open)...].prefix { $0.isNumber })
        else { return nil }
        return answer.citations.first { $0.number == number }
    }

    @Test func aWashingtonWheatQuestionCitesTheWashingtonBulletin() async throws {
        let answer = try await ask("When does seeding of winter wheat begin on the Palouse?", location: "US-WA")
        #expect(answer.mode == .extractive)
        let cited = try #require(firstCited(answer))
        #expect(cited.path.hasSuffix("us-wa-winter-wheat.pdf"))
        #expect(cited.title == (try Self.title(of: "us-wa-winter-wheat.pdf")))
        #expect(cited.relation == .same)
        #expect(cited.used)
        #expect(cited.pageStart != nil)
        #expect(answer.answer.contains("late September"))
        #expect(answer.regionNote == nil)
    }

    @Test func aKenyanMaizeQuestionCitesTheKenyanGuide() async throws {
        let answer = try await ask("What spacing between rows and plants is recommended for maize?", location: "Kenya")
        let cited = try #require(firstCited(answer))
        #expect(cited.path.hasSuffix("ke-maize.pdf"))
        #expect(cited.title == (try Self.title(of: "ke-maize.pdf")))
        #expect(answer.answer.contains("75"))
    }

    @Test func anIowaAskerIsToldTheWheatAdviceIsFromWashington() async throws {
        let answer = try await ask("When does seeding of winter wheat begin on the Palouse?", location: "Iowa")
        let cited = try #require(firstCited(answer))
        #expect(cited.path.hasSuffix("us-wa-winter-wheat.pdf"))
        let note = try #require(answer.regionNote)
        #expect(note.contains("Iowa") && note.contains("Washington"))
        #expect(answer.answer.hasPrefix(note))
    }

    @Test func anOffTopicQuestionGetsAPlainNo() async throws {
        let answer = try await ask("diesel gearbox overhaul torque", location: nil)
        #expect(answer.answer.hasPrefix("The knowledge base has nothing"))
        #expect(answer.citations.allSatisfy { !$0.used })
    }
}
