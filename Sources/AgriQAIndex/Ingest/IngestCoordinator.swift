import AgriQADomain
import AgriQAGeography
import AgriQAIngestion
import Foundation

/// Runs ingestion: discovers files, skips unchanged ones by content hash, prepares the rest concurrently
/// (one poppler document per task, at most `concurrency` in flight, so memory stays bounded), and writes
/// them through a single writer, one transaction per document.
public struct IngestCoordinator: Sendable {
    public var index: KnowledgeIndex
    public var gazetteer: Gazetteer
    public var preparer: DocumentPreparer
    public var concurrency: Int

    public init(
        index: KnowledgeIndex, gazetteer: Gazetteer, chunking: ChunkingOptions = .default,
        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.index = index
        self.gazetteer = gazetteer
        self.preparer = DocumentPreparer(tagger: GeoTagger(gazetteer: gazetteer), chunking: chunking)
        self.concurrency = max(1, concurrency)
    }

    private enum Step: Sendable {
        case unchanged(String)
        case duplicate(String, of: String)
        case prepared(PreparedDocument)
        case failed(IngestFailure)
        /// A table or JSON file inside a folder that is not Q&A records (a manifest, say).
        case notRecords(String)
    }

    public func run(_ paths: [String], progress: @Sendable (IngestProgress) -> Void = { _ in }) async -> IngestSummary {
        let started = Date()
        var summary = IngestSummary()
        summary.index = index.path
        let discovered = SourceDiscovery().discover(paths)
        summary.failed = discovered.failures
        summary.skipped = discovered.skipped
        var regionCodes: Set<RegionCode> = []
        let total = discovered.files.count
        var completed = 0
        // Content hashes claimed in this run, so two copies of one file in the batch are indexed once.
        var claimedHashes: [String: String] = [:]

        await withTaskGroup(of: Step.self) { group in
            var pending = discovered.files.makeIterator()
            func startNext() -> Bool {
                guard let file = pending.next() else { return false }
                let named = discovered.named.contains(file)
                group.addTask { [self] in self.step(for: file, named: named) }
                return true
            }
            for _ in 0..<concurrency where !startNext() { break }
            while let step = await group.next() {
                completed += 1
                switch step {
                case .unchanged(let path):
                    summary.unchanged += 1
                    progress(IngestProgress(completed: completed, total: total, path: path, outcome: .unchanged, pages: 0))
                case .duplicate(let path, let original):
                    summary.duplicates.append(path)
                    summary.warnings.append("\(path): same content as \(original); not indexed twice.")
                    progress(IngestProgress(completed: completed, total: total, path: path, outcome: .duplicate, pages: 0))
                case .notRecords(let path):
                    summary.skipped.append(path)
                    progress(IngestProgress(completed: completed, total: total, path: path, outcome: .skipped, pages: 0))
                case .failed(let failure):
                    summary.failed.append(failure)
                    progress(IngestProgress(completed: completed, total: total, path: failure.path, outcome: .failed(failure.reason), pages: 0))
                case .prepared(let document):
                    if let original = claimedHashes[document.contentHash] {
                        summary.duplicates.append(document.path)
                        summary.warnings.append("\(document.path): same content as \(original); not indexed twice.")
                        progress(IngestProgress(completed: completed, total: total, path: document.path, outcome: .duplicate, pages: 0))
                        break
                    }
                    do {
                        let outcome = try index.write(document, gazetteer: gazetteer)
                        claimedHashes[document.contentHash] = document.path
                        if outcome == .added { summary.added += 1 } else { summary.replaced += 1 }
                        summary.pages += document.pages.count
                        summary.imageOnlyPages += document.imageOnlyPageCount
                        summary.chunks += document.chunks.count
                        summary.warnings += document.warnings
                        regionCodes.formUnion(document.regions.map(\.code))
                        for chunk in document.chunks { regionCodes.formUnion(chunk.regions.map(\.code)) }
                        progress(
                            IngestProgress(
                                completed: completed, total: total, path: document.path,
                                outcome: outcome == .added ? .added : .replaced, pages: document.pages.count))
                    } catch {
                        let failure = IngestFailure(path: document.path, reason: "\(document.path): could not be written to the index (\(error)).")
                        summary.failed.append(failure)
                        progress(IngestProgress(completed: completed, total: total, path: document.path, outcome: .failed(failure.reason), pages: 0))
                    }
                }
                _ = startNext()
            }
        }
        summary.regions = regionCodes.count
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Hash, compare with the index, and prepare if new or changed. Runs concurrently; reads only.
    private func step(for path: String, named: Bool) -> Step {
        let hash: String
        let size: Int
        do {
            hash = try SHA256.hexDigest(ofFile: path)
            size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            return .failed(IngestFailure(path: path, reason: PreparationError.unreadable(path: path, detail: error.localizedDescription).description))
        }
        do {
            if let stored = try index.storedDocument(path: path), stored.contentHash == hash {
                return .unchanged(path)
            }
            if let other = try index.path(ofContentHash: hash), other != path,
                FileManager.default.fileExists(atPath: other)
            {
                return .duplicate(path, of: other)
            }
        } catch {
            return .failed(IngestFailure(path: path, reason: error.description))
        }
        do {
            return .prepared(try preparer.prepare(path: path, contentHash: hash, byteSize: size))
        } catch .records(let error) where error.isOtherKindOfFile && !named {
            return .notRecords(path)
        } catch {
            return .failed(IngestFailure(path: path, reason: error.description))
        }
    }
}
