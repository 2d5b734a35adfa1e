/// A stable region identifier.
///
/// - Countries: ISO 3166-1 alpha-2 (`JM`, `IN`).
/// - First-level subdivisions: ISO 3166-2 (`US-WA`, `IN-TN`, `BR-MT`).
/// - Finer levels from gazetteer files: `PARENT/LOCALCODE` (`US-WA/53053`, `IN-AP/502`).
public struct RegionCode: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The parent implied by the code's own syntax: `US-WA/53053` → `US-WA`, `US-WA` → `US`,
    /// `US` → nil. A gazetteer may know better; this is the fallback.
    public var syntacticParent: RegionCode? {
        if let slash = rawValue.lastIndex(of: "/") {
            return RegionCode(String(rawValue[..<slash]))
        }
        if let dash = rawValue.firstIndex(of: "-") {
            return RegionCode(String(rawValue[..<dash]))
        }
        return nil
    }

    /// The ISO 3166-1 country this code belongs to (`US-WA/53053` → `US`).
    public var country: RegionCode {
        let end = rawValue.firstIndex(where: { $0 == "-" || $0 == "/" }) ?? rawValue.endIndex
        return RegionCode(String(rawValue[..<end]))
    }
}
