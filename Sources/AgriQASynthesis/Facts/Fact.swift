/// One atomic fact of a section (the `facts` scaling mode).
public struct Fact: Sendable, Codable, Equatable, Identifiable {
    /// `<section id>.f<n>`, e.g. `d3.s2.f1`.
    public var id: String
    public var sectionID: String
    public var text: String

    public init(id: String, sectionID: String, text: String) {
        self.id = id
        self.sectionID = sectionID
        self.text = text
    }
}
