/// Why the index could not be opened or changed. Each case says what to do.
public enum IndexError: Error, Sendable, CustomStringConvertible {
    case cannotCreateDirectory(path: String, detail: String)
    case notAnIndex(path: String, detail: String)
    case newerSchema(path: String)
    case database(path: String, detail: String)
    case documentNotFound(String)
    case embedderMismatch(path: String, indexed: String, requested: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let detail):
            return "cannot create the folder for the index \(path) (\(detail)); choose another --index path."
        case .notAnIndex(let path, let detail):
            return "\(path) is not an AgriQA index (\(detail)); pass the right --index file, or a new path to create one."
        case .newerSchema(let path):
            return "\(path) was written by a newer AgriQA; upgrade agriqa or re-ingest into a new --index path."
        case .database(let path, let detail):
            return "index \(path): \(detail)"
        case .embedderMismatch(let path, let indexed, let requested):
            return "\(path) holds vectors from \(indexed), not \(requested); use the same embedder, or re-embed everything with `agriqa embed --rebuild`."
        case .documentNotFound(let key):
            return "no document with id or path \(key); see `agriqa docs list`."
        }
    }
}
