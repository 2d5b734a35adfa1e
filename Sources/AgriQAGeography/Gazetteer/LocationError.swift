import AgriQADomain

/// Why a location typed by a user could not be resolved. Shown to users (an HTTP 400 body, a CLI
/// error), so each message says what to do.
public enum LocationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Nothing was given.
    case empty
    /// No region has this code or name; `suggestions` are the closest names (up to 5).
    case unknown(String, suggestions: [Region])
    /// Several regions answer to this name and nothing in the text tells them apart.
    case ambiguous(String, candidates: [Region])
    /// "lat,lon" outside -90…90 / -180…180, or not numbers.
    case invalidCoordinates(String)
    /// "lat,lon" given but no loaded region has a centroid.
    case noCentroids(latitude: Double, longitude: Double)
    /// "lat,lon" given but the nearest region with a centroid is too far away to be meant.
    case nothingNear(latitude: Double, longitude: Double, nearest: Region, distanceKm: Double)

    public var description: String {
        switch self {
        case .empty:
            return "No location given. Give a region code (US-WA, IN-TN), a name (\"Tamil Nadu\", "
                + "\"Pierce County, Washington\") or \"lat,lon\"."
        case .unknown(let text, let suggestions):
            var message = "Unknown location \"\(text)\"."
            if suggestions.isEmpty {
                message += " Give a region code (US-WA, IN-TN), a name, or \"lat,lon\"; "
                    + "load a finer gazetteer (--gazetteer FILE) for counties, districts or municipalities."
            } else {
                let list = suggestions.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
                message += " Did you mean: \(list)? Use one of these names or codes."
            }
            return message
        case .ambiguous(let text, let candidates):
            let list = candidates.prefix(8).map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
            return "\"\(text)\" is ambiguous: \(list). Give the code, or qualify the name "
                + "(\"Pierce County, Washington\", \"Sorriso, Mato Grosso\")."
        case .invalidCoordinates(let text):
            return "\"\(text)\" is not a valid \"lat,lon\": latitude must be in -90…90 and longitude "
                + "in -180…180, in decimal degrees (e.g. \"46.73,-117.18\")."
        case .noCentroids(let latitude, let longitude):
            return "Cannot place \(latitude),\(longitude): no loaded region has a centroid. Load a "
                + "gazetteer with centroids, e.g. --gazetteer census_gazetteer_2019_counties.tsv "
                + "(US counties) or municipios.csv (Brazil), or give a region code or name instead."
        case .nothingNear(let latitude, let longitude, let nearest, let distance):
            return "No loaded region is near \(latitude),\(longitude): the nearest centroid is "
                + "\(nearest.name) (\(nearest.code)), \(Int(distance.rounded())) km away. Load a gazetteer "
                + "covering that area (--gazetteer FILE), or give a region code or name instead."
        }
    }
}
