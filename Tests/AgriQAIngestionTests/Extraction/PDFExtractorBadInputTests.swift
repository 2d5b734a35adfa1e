import AgriQATestSupport
import Foundation
import Testing

@testable import AgriQAIngestion

/// Every kind of bad PDF gives a typed error that names the file and says what to do; none crashes.
@Suite struct PDFExtractorBadInputTests {
    private func temporaryFile(_ name: String, _ data: Data) throws -> (URL, String) {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent(name)
        try data.write(to: file)
        return (directory, file.path)
    }

    @Test func zeroByteFile() throws {
        let (directory, path) = try temporaryFile("empty.pdf", Data())
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: ExtractionError.emptyFile(path: path)) { try PDFExtractor().extract(path: path) }
    }

    @Test func notAPDF() throws {
        let (directory, path) = try temporaryFile("notes.pdf", Data("just some notes about maize\n".utf8))
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect {
            try PDFExtractor().extract(path: path)
        } throws: { error in
            guard case .notAPDF(let errorPath, _) = error as? ExtractionError else { return false }
            return errorPath == path && "\(error)".contains("not a PDF")
        }
    }

    @Test func truncatedPDF() throws {
        let whole = MinimalPDF.make(pages: [["Seeding rates for wheat"], ["Nitrogen timing"]])
        let (directory, path) = try temporaryFile("truncated.pdf", whole.prefix(whole.count / 3))
        defer { try? FileManager.default.removeItem(at: directory) }
        // Poppler may recover some pages from a truncated file; either way there is no crash, and a
        // failure is a typed error naming the file.
        do {
            let document = try PDFExtractor().extract(path: path)
            #expect(document.pages.count <= 2)
        } catch {
            #expect(error.path == path)
        }
    }

    @Test func missingFile() {
        #expect(throws: ExtractionError.fileNotFound(path: "/nonexistent/x.pdf")) {
            try PDFExtractor().extract(path: "/nonexistent/x.pdf")
        }
    }

    @Test func encryptedPDF() throws {
        let path = TestPaths.fixture("encrypted.pdf")
        try #require(FileManager.default.fileExists(atPath: path))
        #expect {
            try PDFExtractor().extract(path: path)
        } throws: { error in
            (error as? ExtractionError) == .encrypted(path: path) && "\(error)".contains("password")
        }
    }

    @Test func imageOnlyPDFIsFlaggedNotFatal() throws {
        let path = TestPaths.fixture("image-only.pdf")
        try #require(FileManager.default.fileExists(atPath: path))
        let document = try PDFExtractor().extract(path: path)
        #expect(document.pages.count == 2)
        #expect(document.pages.allSatisfy { $0.isImageOnly })
        let cleaned = DocumentCleaner().clean(document)
        #expect(cleaned.imageOnlyPageCount == 2)
        #expect(cleaned.blocks.isEmpty)
    }

    @Test func twoThousandPagesAreReadWithBoundedMemory() throws {
        let pages = (1...2_000).map { ["Page \($0) of a very long crop manual.", "Irrigate sorghum every \($0 % 9 + 5) days."] }
        let (directory, path) = try temporaryFile("huge.pdf", MinimalPDF.make(pages: pages))
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = ResidentMemory.megabytes()
        let document = try PDFExtractor().extract(path: path)
        let after = ResidentMemory.megabytes()
        #expect(document.pages.count == 2_000)
        #expect(document.pages[1_999].lines.contains { $0.text.contains("Irrigate sorghum") })
        // Pages are released one by one: resident memory must not grow by anything near a
        // per-page cost of poppler's text layout (which would be hundreds of MB).
        #expect(after - before < 200, "resident memory grew by \(after - before) MB")
        #expect(DocumentCleaner().clean(document).pages.count == 2_000)
    }

    @Test func tooManyPagesIsRefusedWithAHint() throws {
        let (directory, path) = try temporaryFile("long.pdf", MinimalPDF.make(pages: (1...5).map { ["p\($0)"] }))
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: ExtractionError.tooManyPages(path: path, pages: 5, limit: 3)) {
            try PDFExtractor(maxPages: 3).extract(path: path)
        }
    }
}
