/// Why a file could not be prepared for the index.
public enum PreparationError: Error, Sendable, CustomStringConvertible {
    case extraction(ExtractionError)
    case records(RecordError)
    case unsupportedFileType(path: String)
    case unreadable(path: String, detail: String)

    public var description: String {
        switch self {
        case .extraction(let error): return error.description
        case .records(let error): return error.description
        case .unsupportedFileType(let path):
            return "\(path): unsupported file type; AgriQA ingests .pdf files and Q&A records (.jsonl, .json, .csv, .tsv)."
        case .unreadable(let path, let detail):
            return "\(path): cannot read the file (\(detail)); check its permissions."
        }
    }
}
