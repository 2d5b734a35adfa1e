import AgriQAIndex
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The documents in the index: list, upload (ingested by a worker process, answered with a job),
/// delete, and one chunk's full text (what a cited source says, with its page).
enum DocumentRoutes {
    static func register(on router: Router<AgriQARequestContext>, environment: ServerEnvironment, registry: RouteRegistry) {
        let index = environment.index

        router.route(.get, "/v1/documents", in: registry) { _, _ in
            let documents = try indexCall { try index.documents() }
            let summaries = try documents.map { record in
                DocumentSummary(record, regions: try indexCall { try index.regions(ofDocument: record.id ?? 0) })
            }
            return try JSONResponse.make(["documents": summaries])
        }

        router.route(.post, "/v1/documents", in: registry) { request, _ in
            try await upload(request, environment: environment)
        }

        router.route(.delete, "/v1/documents/:id", in: registry) { _, context in
            let id = try context.parameters.require("id")
            guard Int64(id) != nil else { throw APIError.badRequest("the document id must be a number, not \"\(id)\"", field: "id") }
            do {
                let removed = try index.removeDocument(id)
                return try JSONResponse.make(DeletedDocument(id: removed.id ?? 0, title: removed.title, deleted: true))
            } catch IndexError.documentNotFound {
                throw APIError.notFound("no document with id \(id); GET /v1/documents lists them")
            } catch {
                throw APIError.internalError("\(error)")
            }
        }

        router.route(.get, "/v1/chunks/:id", in: registry) { _, context in
            let text = try context.parameters.require("id")
            guard let id = Int64(text) else { throw APIError.badRequest("the chunk id must be a number, not \"\(text)\"", field: "id") }
            guard let detail = try indexCall({ try index.chunkDetails([id]) })[id] else {
                throw APIError.notFound("no chunk with id \(id); it may belong to a document that was removed")
            }
            return try JSONResponse.make(ChunkBody(
                chunkID: id, documentID: detail.documentID, title: detail.title,
                fileName: URL(fileURLWithPath: detail.path).lastPathComponent, section: detail.section,
                pageStart: detail.pageStart, pageEnd: detail.pageEnd, pageLabel: detail.pageLabel,
                regions: detail.regions.map(\.code), text: detail.text))
        }

        router.route(.get, "/v1/jobs", in: registry) { _, _ in
            try JSONResponse.make(["jobs": await environment.jobs.all()])
        }

        router.route(.get, "/v1/jobs/:id", in: registry) { _, context in
            let id = try context.parameters.require("id")
            guard let job = await environment.jobs.job(id) else {
                throw APIError.notFound("no ingestion job \(id); jobs live as long as the server process")
            }
            return try JSONResponse.make(job)
        }
    }

    struct DeletedDocument: Encodable {
        var id: Int64
        var title: String
        var deleted: Bool
    }

    struct ChunkBody: Encodable {
        var chunkID: Int64
        var documentID: Int64
        var title: String
        var fileName: String
        var section: String
        var pageStart: Int?
        var pageEnd: Int?
        var pageLabel: String?
        var regions: [String]
        var text: String
    }

    static func indexCall<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as IndexError {
            throw APIError.serviceUnavailable("the index cannot be read: \(error.description)")
        }
    }

    /// `POST /v1/documents`: the raw file as the body. The name comes from `?filename=`, the
    /// `X-Filename` header or `Content-Disposition`; the type from the name's extension or the
    /// content type. The body is streamed to disk (never held in memory) up to the upload limit.
    static func upload(_ request: Request, environment: ServerEnvironment) async throws -> Response {
        let contentType = request.headers[.contentType] ?? ""
        let suppliedName = request.uri.queryParameters.get("filename")
            ?? HTTPField.Name("X-Filename").flatMap { request.headers[$0] }
            ?? request.headers[.contentDisposition].flatMap(contentDispositionFileName)
        var fileName: String
        if let suppliedName {
            guard let sanitized = UploadFileName.sanitize(suppliedName) else {
                throw APIError.unsupportedMediaType(
                    "\"\(suppliedName)\" is not an accepted document: upload .pdf, .jsonl, .json, .csv or .tsv files")
            }
            fileName = sanitized
        } else if let ext = UploadFileName.fileExtension(forContentType: contentType) {
            fileName = "upload.\(ext)"
        } else {
            throw APIError.unsupportedMediaType(
                "name the file (?filename=guide.pdf) or send Content-Type application/pdf, application/jsonl, text/csv, text/tab-separated-values or application/json")
        }
        let id = UUID().uuidString.lowercased()
        if fileName.hasPrefix("upload.") { fileName = "upload-\(id.prefix(8)).\((fileName as NSString).pathExtension)" }
        let staged = try await environment.jobs.stagingPath(for: id)
        let limit = environment.configuration.maxUploadBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.payloadTooLarge(limit: limit)
        }
        guard FileManager.default.createFile(atPath: staged, contents: nil),
            let handle = FileHandle(forWritingAtPath: staged)
        else {
            throw APIError.internalError("cannot write the upload to \(environment.configuration.resolvedUploadDirectory)")
        }
        var bytes = 0
        var head = Data()
        do {
            defer { try? handle.close() }
            for try await part in request.body {
                bytes += part.readableBytes
                guard bytes <= limit else { throw APIError.payloadTooLarge(limit: limit) }
                let data = Data(part.readableBytesView)
                if head.count < 8 { head.append(data.prefix(8 - head.count)) }
                try handle.write(contentsOf: data)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: staged)
            throw error
        }
        guard bytes > 0 else {
            try? FileManager.default.removeItem(atPath: staged)
            throw APIError.badRequest("the upload is empty")
        }
        if fileName.lowercased().hasSuffix(".pdf"), !head.starts(with: Data("%PDF-".utf8)) {
            try? FileManager.default.removeItem(atPath: staged)
            throw APIError.badRequest("\(fileName) is not a PDF (it does not start with %PDF-)", code: "not_a_pdf")
        }
        let job = await environment.jobs.enqueue(id: id, fileName: fileName, staged: staged, bytes: bytes)
        var response = try JSONResponse.make(job, status: .accepted)
        response.headers[.location] = "/v1/jobs/\(id)"
        return response
    }

    /// `attachment; filename="guide.pdf"` → `guide.pdf`.
    static func contentDispositionFileName(_ header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "filename" else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
