/// Why a file could not be read as a document. Every case names the file and says what to do.
public enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileNotFound(path: String)
    case emptyFile(path: String)
    case notAPDF(path: String, detail: String)
    case encrypted(path: String)
    case damaged(path: String, detail: String)
    case tooManyPages(path: String, pages: Int, limit: Int)

    public var path: String {
        switch self {
        case .fileNotFound(let path), .emptyFile(let path), .notAPDF(let path, _), .encrypted(let path),
            .damaged(let path, _), .tooManyPages(let path, _, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): file not found; check the path."
        case .emptyFile(let path):
            return "\(path): the file is empty (0 bytes); re-download or re-export it."
        case .notAPDF(let path, let detail):
            return "\(path): not a PDF (\(detail)); convert it to PDF or remove it from the folder."
        case .encrypted(let path):
            return "\(path): the PDF is password-protected; remove the encryption (e.g. `qpdf --decrypt --password=… in.pdf out.pdf`) and ingest the decrypted copy."
        case .damaged(let path, let detail):
            return "\(path): the PDF is damaged and cannot be read (\(detail)); repair it (e.g. `qpdf in.pdf out.pdf`) or obtain a fresh copy."
        case .tooManyPages(let path, let pages, let limit):
            return "\(path): \(pages) pages exceeds the limit of \(limit); split the file or raise --max-pages."
        }
    }
}
