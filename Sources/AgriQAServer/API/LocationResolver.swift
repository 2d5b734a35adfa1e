import AgriQADomain
import AgriQAGeography

/// Resolves the `location` of a request, turning failures into 400s that carry the closest names.
enum LocationResolver {
    static func resolve(_ text: String?, gazetteer: Gazetteer, field: String = "location") throws -> Region? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        do {
            return try gazetteer.resolveLocation(text)
        } catch {
            var apiError = APIError.badRequest(error.description, field: field, code: "unknown_location")
            switch error {
            case .unknown(_, let suggestions):
                apiError.suggestions = suggestions.map { "\($0.name) (\($0.code.rawValue))" }
            case .ambiguous(_, let candidates):
                apiError.code = "ambiguous_location"
                apiError.suggestions = candidates.map { "\($0.name) (\($0.code.rawValue))" }
            default:
                apiError.code = "invalid_location"
            }
            throw apiError
        }
    }
}
