import Hummingbird

/// `GET /openapi.json` and `GET /` (the farmers' page).
enum DocsRoutes {
    static func register(on router: Router<AgriQARequestContext>, registry: RouteRegistry) {
        router.route(.get, "/openapi.json", in: registry) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        router.route(.get, "/", in: registry) { _, _ in
            Response(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8",
                    .contentSecurityPolicy: "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:",
                ],
                body: .init(byteBuffer: ByteBuffer(string: WebPage.html)))
        }
    }
}
