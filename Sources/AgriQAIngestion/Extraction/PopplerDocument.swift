import CPoppler
import Foundation

/// Owns one `PopplerDocument*`. Not `Sendable` on purpose: poppler objects must stay on the task that opened them
/// (DESIGN.md: one PopplerDocument per task; never share a document or page across threads).
final class PopplerDocument {
    private let handle: OpaquePointer
    let path: String

    /// Opens `path` (made absolute first: `g_filename_to_uri` requires it).
    init(path: String) throws(ExtractionError) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .fileNotFound(path: path)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: absolute)[.size] as? NSNumber)?.intValue ?? 0
        if size == 0 { throw .emptyFile(path: path) }
        if !Self.startsLikePDF(absolute) {
            throw .notAPDF(path: path, detail: "no %PDF- header in the first 1024 bytes")
        }

        var uriError: UnsafeMutablePointer<GError>?
        guard let uri = g_filename_to_uri(absolute, nil, &uriError) else {
            let message = uriError.map { String(cString: $0.pointee.message) } ?? "invalid file name"
            if let uriError { g_error_free(uriError) }
            throw .damaged(path: path, detail: message)
        }
        defer { g_free(uri) }

        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_file(uri, nil, &error) else {
            defer { if let error { g_error_free(error) } }
            guard let error else { throw .damaged(path: path, detail: "poppler could not open it") }
            let message = String(cString: error.pointee.message)
            if error.pointee.domain == poppler_error_quark(),
                error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue)
            {
                throw .encrypted(path: path)
            }
            throw .damaged(path: path, detail: message)
        }
        handle = document
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    var metadata: DocumentMetadata {
        DocumentMetadata(
            title: Self.take(poppler_document_get_title(handle)),
            author: Self.take(poppler_document_get_author(handle)),
            subject: Self.take(poppler_document_get_subject(handle)),
            keywords: Self.take(poppler_document_get_keywords(handle)),
            creator: Self.take(poppler_document_get_creator(handle)),
            producer: Self.take(poppler_document_get_producer(handle)),
            created: Self.date(poppler_document_get_creation_date(handle)),
            modified: Self.date(poppler_document_get_modification_date(handle)))
    }

    /// Reads page `index` (0-based). The page object is released before returning.
    func readPage(at index: Int) -> RawPage? {
        guard let page = poppler_document_get_page(handle, Int32(index)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return PopplerPageReader(page: page, number: index + 1).read()
    }

    /// Takes ownership of a poppler string: copies it and frees the original.
    static func take(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        let value = String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    private static func date(_ time: time_t) -> Date? {
        time > 0 ? Date(timeIntervalSince1970: TimeInterval(time)) : nil
    }

    private static func startsLikePDF(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1024)) ?? Data()
        return head.range(of: Data("%PDF-".utf8)) != nil
    }
}
