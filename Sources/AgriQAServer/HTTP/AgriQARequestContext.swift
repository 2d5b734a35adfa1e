import Hummingbird

/// The request context of every AgriQA route. Bodies are read by ``JSONBody`` and the upload route
/// with their own limits, so Hummingbird's default upload limit is raised to the largest of them.
public struct AgriQARequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated API key's label, when the request carried a valid key.
    public var apiKeyLabel: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { 1 << 30 }
}
