import AgriQADomain
import AgriQAGeography
import Foundation

/// Turns one file into a `PreparedDocument`: PDFs through extraction → cleaning → chunking → tagging,
/// Q&A records one chunk per record with their location fields resolved.
public struct DocumentPreparer: Sendable {
    public var extractor: PDFExtractor
    public var cleaner: DocumentCleaner
    public var chunker: Chunker
    public var recordReader: RecordReader
    public var tagger: GeoTagger
    /// How many leading pages count as front matter (cover, publisher lines) for geography.
    public var frontMatterPages = 2

    public init(
        tagger: GeoTagger, chunking: ChunkingOptions = .default, extractor: PDFExtractor = PDFExtractor(),
        recordReader: RecordReader = RecordReader()
    ) {
        self.tagger = tagger
        self.chunker = Chunker(options: chunking)
        self.cleaner = DocumentCleaner()
        self.extractor = extractor
        self.recordReader = recordReader
    }

    public static func kind(ofFile path: String) -> DocumentKind? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if ext == "pdf" { return .pdf }
        if RecordReader.fileExtensions.contains(ext) { return .records }
        return nil
    }

    public func prepare(path: String, contentHash: String, byteSize: Int) throws(PreparationError) -> PreparedDocument {
        switch Self.kind(ofFile: path) {
        case .pdf:
            do {
                return try preparePDF(path: path, contentHash: contentHash, byteSize: byteSize)
            } catch {
                throw .extraction(error)
            }
        case .records:
            do {
                return try prepareRecords(path: path, contentHash: contentHash, byteSize: byteSize)
            } catch {
                throw .records(error)
            }
        case nil:
            throw .unsupportedFileType(path: path)
        }
    }

    private func preparePDF(path: String, contentHash: String, byteSize: Int) throws(ExtractionError) -> PreparedDocument {
        let extracted = try extractor.extract(path: path)
        let cleaned = cleaner.clean(extracted)
        let metadata = cleaned.metadata
        let title = Self.title(metadata: metadata, blocks: cleaned.blocks, path: path)
        let front = cleaned.pages.prefix(frontMatterPages).map(\.text) + cleaned.runningText
        let evidence = DocumentGeoEvidence(
            title: title, author: metadata.author, subject: Self.meaningful(metadata.subject),
            keywords: metadata.keywords, frontMatter: front.joined(separator: "\n"),
            body: cleaned.pages.map(\.text).joined(separator: "\n"))
        let documentRegions = tagger.tagDocument(evidence)
        let chunks = chunker.chunk(cleaned.blocks).map { draft in
            let context = (draft.sectionPath + [draft.text]).joined(separator: "\n")
            return PreparedChunk(draft: draft, regions: tagger.tagChunk(context, inheriting: documentRegions))
        }
        var warnings: [String] = []
        let imageOnly = cleaned.pages.filter(\.needsOCR).map(\.number)
        if !imageOnly.isEmpty {
            let list = imageOnly.count > 10 ? "\(imageOnly.count) pages" : "page " + imageOnly.map(String.init).joined(separator: ", ")
            warnings.append("\(path): \(list) image-only (needs OCR); their content is not searchable until the PDF is OCRed (e.g. `ocrmypdf in.pdf out.pdf`).")
        }
        if chunks.isEmpty && imageOnly.isEmpty {
            warnings.append("\(path): no extractable text.")
        }
        return PreparedDocument(
            path: path, contentHash: contentHash, byteSize: byteSize, kind: .pdf, title: title, metadata: metadata,
            pages: cleaned.pages, chunks: chunks, regions: documentRegions, warnings: warnings)
    }

    private func prepareRecords(path: String, contentHash: String, byteSize: Int) throws(RecordError) -> PreparedDocument {
        let batch = try recordReader.read(path: path)
        var warnings = batch.warnings
        var unresolvedNames: [String: Int] = [:]
        var regionCounts: [RegionCode: Int] = [:]
        var chunks: [PreparedChunk] = []
        chunks.reserveCapacity(batch.records.count)
        for (ordinal, record) in batch.records.enumerated() {
            let tagging = tagger.tagRecord(
                country: record.country, state: record.state, district: record.district, text: record.text)
            for name in tagging.unresolved { unresolvedNames[name, default: 0] += 1 }
            for tag in tagging.tags where tag.evidence == .recordField { regionCounts[tag.code, default: 0] += 1 }
            var metadata = record.extra
            metadata["record_id"] = record.id
            metadata["question"] = record.question
            metadata["answer"] = record.answer
            for (key, value) in [
                ("country", record.country), ("state", record.state), ("district", record.district),
                ("crop", record.crop), ("season", record.season), ("date", record.date),
            ] {
                if let value { metadata[key] = value }
            }
            let draft = ChunkDraft(
                ordinal: ordinal, text: record.text, sectionPath: record.crop.map { [$0] } ?? [], pageStart: 0,
                pageEnd: 0, tokenCount: TokenEstimator.count(record.text))
            chunks.append(PreparedChunk(draft: draft, regions: tagging.tags, metadata: metadata))
        }
        if !unresolvedNames.isEmpty {
            let top = unresolvedNames.sorted { $0.value > $1.value }.prefix(5).map { "\($0.key) (\($0.value))" }
            warnings.append(
                "\(path): \(unresolvedNames.count) place names not in the gazetteer, e.g. \(top.joined(separator: ", ")); load a finer gazetteer with --gazetteer FILE.")
        }
        let total = Double(max(batch.records.count, 1))
        let documentRegions = regionCounts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .prefix(20)
            .map { RegionTag(code: $0.key, weight: (Double($0.value) / total * 1000).rounded() / 1000, evidence: .recordField) }
        let name = URL(fileURLWithPath: path).lastPathComponent
        return PreparedDocument(
            path: path, contentHash: contentHash, byteSize: byteSize, kind: .records, title: name,
            metadata: DocumentMetadata(title: name), pages: [], chunks: chunks, regions: documentRegions,
            warnings: warnings)
    }

    /// The PDF's own title unless it is a placeholder, else the first top-level heading, else the file name.
    static func title(metadata: DocumentMetadata, blocks: [TextBlock], path: String) -> String {
        if let title = meaningful(metadata.title), title.count > 3 { return title }
        let topHeading = blocks.compactMap { block -> (Int, String)? in
            if case .heading(let level) = block.kind { return (level, block.text) }
            return nil
        }.min { $0.0 < $1.0 }
        if let topHeading { return topHeading.1 }
        return URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// Drops values producers write when nobody filled the field in.
    static func meaningful(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        let lower = value.lowercased()
        let placeholders = ["unspecified", "untitled", "anonymous", "unknown", "title", "(anonymous)"]
        if placeholders.contains(lower) || lower.hasPrefix("microsoft word - ") || lower.hasSuffix(".doc")
            || lower.hasSuffix(".docx") || lower.hasSuffix(".indd")
        {
            return nil
        }
        return value
    }
}
