import AgriQADomain
import Foundation

/// "lat,lon" input and the nearest-centroid search behind it.
enum CoordinateLookup {
    enum Parsed {
        case coordinate(latitude: Double, longitude: Double)
        /// Two numbers, but out of range.
        case outOfRange
        /// Not a coordinate pair at all (a name, a code).
        case notCoordinates
    }

    /// Parses "46.73,-117.18", "46.73, -117.18" or "46.73 -117.18" (decimal degrees, latitude first).
    static func parse(_ text: String) -> Parsed {
        let separators: Set<Character> = [",", " ", ";"]
        let parts = text.split(whereSeparator: { separators.contains($0) })
        guard parts.count == 2,
            parts.allSatisfy({ part in part.allSatisfy { $0.isNumber || "+-.".contains($0) } }),
            let latitude = Double(parts[0]), let longitude = Double(parts[1])
        else { return .notCoordinates }
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else { return .outOfRange }
        return .coordinate(latitude: latitude, longitude: longitude)
    }

    /// Farthest a centroid may be from the point, by level, for the region to be the answer. Large
    /// enough for Alaska's boroughs and Amazonian municipalities, small enough that a point in
    /// Kenya is not answered with a US county when only US counties have centroids.
    static func maximumDistanceKm(_ level: RegionLevel) -> Double {
        switch level {
        case .local: return 500
        case .subdivision: return 1_200
        case .country: return 2_500
        }
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    static func distanceKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians
        let dLon = (lon2 - lon1) * radians
        let a = pow(sin(dLat / 2), 2) + cos(lat1 * radians) * cos(lat2 * radians) * pow(sin(dLon / 2), 2)
        return 2 * 6_371.0 * asin(min(1, a.squareRoot()))
    }
}
