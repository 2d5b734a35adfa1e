/// What a document offers for geographic tagging.
public struct DocumentGeoEvidence: Sendable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var keywords: String?
    /// Text of the first pages (cover, publisher lines, affiliations).
    public var frontMatter: String
    /// The full body text. A trailing reference list (after a "References"/"Bibliography"/
    /// "Literature Cited" heading in the second part of the text) is ignored: its place names
    /// are publishers' cities and journals.
    public var body: String

    public init(
        title: String? = nil, author: String? = nil, subject: String? = nil, keywords: String? = nil,
        frontMatter: String = "", body: String = ""
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.frontMatter = frontMatter
        self.body = body
    }
}
