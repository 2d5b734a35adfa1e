import AgriQADomain
import Foundation
import Hummingbird

/// `GET /v1/regions?q=…&limit=…`: location autocomplete over the gazetteer (closest names first),
/// and `GET /v1/regions/resolve?location=…`: what a location string resolves to.
enum RegionRoutes {
    struct RegionBody: Encodable {
        var code: String
        var name: String
        var level: String
        var parent: String?
        /// "Whitman County, Washington, United States": the name with its parents, for a picker.
        var label: String
    }

    static func register(on router: Router<AgriQARequestContext>, environment: ServerEnvironment, registry: RouteRegistry) {
        let gazetteer = environment.gazetteer
        @Sendable func body(_ region: Region) -> RegionBody {
            let parents = gazetteer.ancestors(of: region.code).compactMap { gazetteer.region($0)?.name }
            return RegionBody(
                code: region.code.rawValue, name: region.name, level: region.level.rawValue,
                parent: region.parent?.rawValue, label: ([region.name] + parents).joined(separator: ", "))
        }

        router.route(.get, "/v1/regions", in: registry) { request, _ in
            let query = request.uri.queryParameters.get("q") ?? ""
            let limitText = request.uri.queryParameters.get("limit") ?? "10"
            guard let limit = Int(limitText), (1...50).contains(limit) else {
                throw APIError.badRequest("limit must be 1…50", field: "limit")
            }
            guard query.count <= 200 else { throw APIError.badRequest("q is longer than 200 characters", field: "q") }
            var regions: [Region] = []
            if !query.trimmingCharacters(in: .whitespaces).isEmpty {
                if let exact = try? gazetteer.resolveLocation(query) { regions.append(exact) }
                for region in gazetteer.suggestions(for: query, limit: limit) where !regions.contains(region) {
                    regions.append(region)
                }
            }
            return try JSONResponse.make(["regions": regions.prefix(limit).map(body)])
        }

        router.route(.get, "/v1/regions/resolve", in: registry) { request, _ in
            guard let text = request.uri.queryParameters.get("location") else {
                throw APIError.badRequest("give ?location=… (a code, a name or lat,lon)", field: "location")
            }
            guard let region = try LocationResolver.resolve(text, gazetteer: gazetteer) else {
                throw APIError.badRequest("the location is empty", field: "location")
            }
            return try JSONResponse.make(body(region))
        }
    }
}
