/// How fine a region is.
public enum RegionLevel: String, Sendable, Codable, CaseIterable {
    /// A country (ISO 3166-1).
    case country
    /// A first-level subdivision: state, province, union territory (ISO 3166-2).
    case subdivision
    /// Anything finer, loaded from a gazetteer file: county, district, municipality.
    case local
}

/// A place the gazetteer knows, with its parent and the names it goes by.
public struct Region: Hashable, Sendable, Codable {
    public var code: RegionCode
    public var name: String
    public var level: RegionLevel
    public var parent: RegionCode?
    /// Other names: translations, abbreviations, official long names.
    public var aliases: [String]
    public var latitude: Double?
    public var longitude: Double?

    public init(
        code: RegionCode, name: String, level: RegionLevel, parent: RegionCode? = nil,
        aliases: [String] = [], latitude: Double? = nil, longitude: Double? = nil
    ) {
        self.code = code
        self.name = name
        self.level = level
        self.parent = parent
        self.aliases = aliases
        self.latitude = latitude
        self.longitude = longitude
    }
}
