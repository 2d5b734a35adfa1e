import Foundation

/// The parts of Debian's iso-codes JSON files that AgriQA reads.
enum ISOCodes {
    struct Country: Decodable, Sendable {
        let alpha_2: String
        let alpha_3: String?
        let name: String
        let official_name: String?
        let common_name: String?
    }

    struct Subdivision: Decodable, Sendable {
        let code: String
        let name: String
        let type: String?
        /// The code, without the country prefix, of the subdivision this one belongs to
        /// ("NAQ" for FR-33 in Nouvelle-Aquitaine), for second-level entries.
        let parent: String?
    }

    private struct CountryFile: Decodable {
        let entries: [Country]
        enum CodingKeys: String, CodingKey { case entries = "3166-1" }
    }

    private struct SubdivisionFile: Decodable {
        let entries: [Subdivision]
        enum CodingKeys: String, CodingKey { case entries = "3166-2" }
    }

    static func countries(in directory: String) throws(GazetteerError) -> [Country] {
        let path = directory + "/iso_3166-1.json"
        return try decode(CountryFile.self, path: path, directory: directory).entries
    }

    static func subdivisions(in directory: String) throws(GazetteerError) -> [Subdivision] {
        let path = directory + "/iso_3166-2.json"
        return try decode(SubdivisionFile.self, path: path, directory: directory).entries
    }

    private static func decode<T: Decodable>(_ type: T.Type, path: String, directory: String)
        throws(GazetteerError) -> T
    {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .isoCodesMissing(directory: directory)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .isoCodesUnreadable(path: path, reason: error.localizedDescription)
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .isoCodesUnreadable(path: path, reason: "\(error)")
        }
    }
}
