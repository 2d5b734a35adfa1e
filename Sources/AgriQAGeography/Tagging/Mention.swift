/// Which part of a document a text comes from; evidence weighs differently by field.
enum EvidenceField: Sendable, Hashable {
    case title
    /// Subject and keywords.
    case metadata
    /// The author field: people's names, so only institutions count there.
    case author
    case frontMatter
    case body
    /// A chunk's own text, or a record's free text.
    case passage
}

/// One occurrence of a known phrase in a text, and what it was resolved to.
struct Mention: Sendable {
    var stream: Int
    var start: Int
    var end: Int
    var phrase: Int
    /// Regions it may name, after dropping homonyms under another candidate.
    var candidates: [Int32]
    /// An institution ("University of Georgia", "Washington State University Extension").
    var institution = false
    /// The end of an affiliation ("…, University of Nairobi, Kenya"): strong, but not a publisher.
    var affiliation = false
    /// Qualified by the next name or code ("Whitman County, WA").
    var qualified = false
    /// Designated as a region ("Washington State", "State of Washington", "Central Region").
    var designated = false
    /// Preceded by a direction ("eastern Washington").
    var directional = false
    /// Support needed before the mention counts: 0 accepts it outright; `.infinity` never.
    var threshold: Double = 0
    var resolved: Int32?
}
