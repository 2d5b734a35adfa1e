import AgriQAIngestion
import Foundation

/// Expands the paths given to `agriqa ingest` into the files to ingest.
public struct SourceDiscovery: Sendable {
    public struct Result: Sendable {
        /// Absolute, standardized paths of supported files, sorted.
        public var files: [String]
        /// Files inside folders that are not ingestible (README.md, images…): skipped, not failures.
        public var skipped: [String]
        /// Paths given on the command line that do not exist or are unsupported: failures.
        public var failures: [IngestFailure]
        /// Files named directly (not found inside a folder).
        public var named: Set<String> = []
    }

    public init() {}

    public func discover(_ paths: [String]) -> Result {
        var files: Set<String> = []
        var skipped: [String] = []
        var failures: [IngestFailure] = []
        var named: Set<String> = []
        let manager = FileManager.default
        for given in paths {
            let absolute = URL(fileURLWithPath: given).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                failures.append(IngestFailure(path: given, reason: "\(given): no such file or folder; check the path."))
                continue
            }
            if !isDirectory.boolValue {
                if DocumentPreparer.kind(ofFile: absolute) != nil {
                    files.insert(absolute)
                    named.insert(absolute)
                } else {
                    failures.append(IngestFailure(path: absolute, reason: PreparationError.unsupportedFileType(path: absolute).description))
                }
                continue
            }
            guard let enumerator = manager.enumerator(
                at: URL(fileURLWithPath: absolute), includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles])
            else { continue }
            for case let url as URL in enumerator {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                let file = url.standardizedFileURL.path
                if DocumentPreparer.kind(ofFile: file) != nil {
                    files.insert(file)
                } else {
                    skipped.append(file)
                }
            }
        }
        return Result(files: files.sorted(), skipped: skipped.sorted(), failures: failures, named: named)
    }
}
