import AgriQAServer
/// The served document, for tests that read it without a server.
enum OpenAPIDocumentProbe {
    static var json: String { AgriQAHTTPServer.openAPIDocument }
}
