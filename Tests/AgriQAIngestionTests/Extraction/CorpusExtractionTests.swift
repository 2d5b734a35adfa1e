import AgriQATestSupport
import Foundation
import Testing

@testable import AgriQAIngestion

/// Checks extraction, cleaning and structure on the generated corpus against `corpus/expected.json`,
/// the ground truth written by `scripts/make-corpus.py` alongside the PDFs.
@Suite struct CorpusExtractionTests {
    struct Expectation: Decodable {
        struct Heading: Decodable {
            var level: Int
            var text: String
        }

        var pages: Int
        var title: String
        var author: String
        var page_labels: [String]
        var page_labels_explicit: Bool
        var image_only_pages: [Int]
        var headings: [String]
        var heading_levels: [Heading]
        var hyphenated_words: [String]
        var compound_hyphen_breaks: [String]
        var ligature_words: [String]
        var table_cells: [String]
        var running_header: String?
    }

    static let expectations: [String: Expectation] = {
        guard let data = FileManager.default.contents(atPath: TestPaths.corpus("expected.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        var result: [String: Expectation] = [:]
        for (name, value) in object where name.hasSuffix(".pdf") {
            guard let json = try? JSONSerialization.data(withJSONObject: value),
                let expectation = try? JSONDecoder().decode(Expectation.self, from: json)
            else { continue }
            result[name] = expectation
        }
        return result
    }()

    static let names = expectations.keys.sorted()

    @Test func groundTruthIsPresent() {
        #expect(Self.names.count >= 9)
    }

    @Test(arguments: names) func pagesLabelsMetadataAndImageOnlyPages(name: String) throws {
        let expected = try #require(Self.expectations[name])
        let document = try PDFExtractor().extract(path: TestPaths.corpus(name))
        #expect(document.pages.count == expected.pages)
        #expect(document.metadata.title == expected.title)
        #expect(document.metadata.author == expected.author)
        if expected.page_labels_explicit {
            #expect(document.pages.map(\.label) == expected.page_labels)
        }
        #expect(document.pages.filter { $0.isImageOnly }.map(\.number) == expected.image_only_pages)
        let cleaned = DocumentCleaner().clean(document)
        #expect(cleaned.pages.filter { $0.needsOCR }.map(\.number) == expected.image_only_pages)
    }

    @Test(arguments: names) func cleanedTextHasJoinedWordsLigaturesAndTableCells(name: String) throws {
        let expected = try #require(Self.expectations[name])
        let cleaned = DocumentCleaner().clean(try PDFExtractor().extract(path: TestPaths.corpus(name)))
        let text = cleaned.blocks.map(\.text).joined(separator: "\n")
        let words = Set(text.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init))
        for word in expected.hyphenated_words + expected.compound_hyphen_breaks {
            #expect(words.contains(word), "\(name): \(word) not rejoined")
        }
        for word in expected.ligature_words {
            #expect(words.contains(word) || words.contains(word.capitalized), "\(name): \(word) missing")
        }
        #expect(!text.unicodeScalars.contains { (0xFB00...0xFB06).contains($0.value) }, "\(name): ligature code points left")
        for cell in expected.table_cells {
            #expect(text.contains(TextNormalizer.normalize(cell)), "\(name): table cell \(cell) missing")
        }
    }

    @Test(arguments: names) func runningHeadersAndFootersAreRemoved(name: String) throws {
        let expected = try #require(Self.expectations[name])
        let cleaned = DocumentCleaner().clean(try PDFExtractor().extract(path: TestPaths.corpus(name)))
        guard let header = expected.running_header, expected.pages > 1 else { return }
        let textPages = cleaned.pages.filter { !$0.needsOCR }
        // The header may survive once as the document's title on the first page, never on every page.
        let pagesWithHeader = textPages.filter { $0.text.contains(header) }.count
        #expect(pagesWithHeader <= 1, "\(name): running header on \(pagesWithHeader) pages")
        #expect(cleaned.removedRunningLines >= textPages.count, "\(name): expected header/footer lines removed")
        for page in textPages {
            #expect(!page.text.contains("Page \(page.number)"), "\(name): page footer left on page \(page.number)")
        }
    }

    @Test(arguments: names) func headingsAndTheirHierarchy(name: String) throws {
        let expected = try #require(Self.expectations[name])
        let cleaned = DocumentCleaner().clean(try PDFExtractor().extract(path: TestPaths.corpus(name)))
        var levels: [String: Int] = [:]
        for block in cleaned.blocks {
            if case .heading(let level) = block.kind { levels[block.text] = level }
        }
        for heading in expected.headings {
            #expect(levels[TextNormalizer.normalize(heading)] != nil, "\(name): heading \(heading) not found in \(levels.keys.sorted())")
        }
        // Relative levels agree: a more prominent expected heading is never less prominent here.
        for a in expected.heading_levels {
            for b in expected.heading_levels where a.level < b.level {
                if let la = levels[a.text], let lb = levels[b.text] {
                    #expect(la < lb, "\(name): \(a.text) (level \(la)) should be above \(b.text) (level \(lb))")
                }
            }
        }
        // Every chunk knows its section.
        let chunks = Chunker().chunk(cleaned.blocks)
        #expect(!chunks.isEmpty)
        #expect(chunks.filter { $0.sectionPath.isEmpty }.count <= 1)
    }

    @Test func twoColumnPagesAreReadColumnByColumn() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let left = (0..<15).map { "Left column sentence \($0) about wheat." }
        let right = (0..<15).map { "Right column sentence \($0) about barley." }
        let file = directory.appendingPathComponent("columns.pdf")
        try MinimalPDF.make(columns: [left, right]).write(to: file)
        let document = try PDFExtractor().extract(path: file.path)
        let lines = document.pages[0].lines.map(\.text)
        #expect(lines == left + right)
    }
}
