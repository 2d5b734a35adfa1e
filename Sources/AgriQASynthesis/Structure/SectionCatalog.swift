import AgriQAIndex
import Foundation

/// Reads the sections of an index, in document and reading order.
public struct SectionCatalog: Sendable {
    public struct Options: Sendable {
        /// Sections with fewer estimated tokens are skipped (titles, subtitles, captions).
        public var minimumTokens: Int
        /// Also take Q&A record files (already questions and answers; off by default).
        public var includeRecords: Bool
        /// Only documents whose path or title contains one of these (case-insensitive); empty: all.
        public var documentFilter: [String]

        public init(minimumTokens: Int = 30, includeRecords: Bool = false, documentFilter: [String] = []) {
            self.minimumTokens = minimumTokens
            self.includeRecords = includeRecords
            self.documentFilter = documentFilter
        }
    }

    /// What was read and what was left out, for the report.
    public struct Catalog: Sendable {
        public var sections: [SourceSection]
        public var skippedShort: Int
        public var skippedRecordDocuments: Int
    }

    public let index: KnowledgeIndex

    public init(index: KnowledgeIndex) {
        self.index = index
    }

    /// Reads the index off the cooperative thread pool (SQLite reads block).
    public func read(_ options: Options) async throws(SynthesisError) -> Catalog {
        let index = self.index
        let result: Result<Catalog, SynthesisError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                do {
                    continuation.resume(returning: .success(try Self.read(index, options)))
                } catch {
                    continuation.resume(returning: .failure(.input(path: index.path, reason: "\(error)")))
                }
            }
        }
        return try result.get()
    }

    static func read(_ index: KnowledgeIndex, _ options: Options) throws(IndexError) -> Catalog {
        var catalog = Catalog(sections: [], skippedShort: 0, skippedRecordDocuments: 0)
        let filters = options.documentFilter.map { $0.lowercased() }
        for document in try index.documents().sorted(by: { $0.path < $1.path }) {
            guard let documentID = document.id else { continue }
            if !filters.isEmpty,
                !filters.contains(where: { document.path.lowercased().contains($0) || document.title.lowercased().contains($0) })
            {
                continue
            }
            if document.kind != "pdf", !options.includeRecords {
                catalog.skippedRecordDocuments += 1
                continue
            }
            let regions = try index.regions(ofDocument: documentID).sorted { $0.weight > $1.weight }.map(\.regionCode)
            var groups: [(section: String, chunks: [ChunkRecord])] = []
            for chunk in try index.chunks(ofDocument: documentID).sorted(by: { $0.ordinal < $1.ordinal }) {
                if let last = groups.indices.last, groups[last].section == chunk.section {
                    groups[last].chunks.append(chunk)
                } else {
                    groups.append((chunk.section, [chunk]))
                }
            }
            for (ordinal, group) in groups.enumerated() {
                let tokens = group.chunks.reduce(0) { $0 + $1.tokenCount }
                guard tokens >= options.minimumTokens else {
                    catalog.skippedShort += 1
                    continue
                }
                catalog.sections.append(
                    SourceSection(
                        id: "d\(documentID).s\(ordinal)", documentID: documentID, documentTitle: document.title,
                        documentPath: document.path, section: group.section,
                        pageStart: group.chunks.compactMap(\.pageStart).min(), pageEnd: group.chunks.compactMap(\.pageEnd).max(),
                        text: group.chunks.map(\.text).joined(separator: "\n\n"), tokens: tokens,
                        chunkIDs: group.chunks.compactMap(\.id), regions: regions))
            }
        }
        return catalog
    }
}
