/// Which methods the server serves on a concrete request path, so a known path asked with another
/// method is answered `405 Method Not Allowed` with an `Allow` header instead of `404`.
extension RouteRegistry {
    /// The registered methods whose path pattern (`/v1/jobs/{id}`) matches `path`, sorted; empty
    /// when no route has this path.
    func allowedMethods(for path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let methods = entries.filter { entry in
            let pattern = entry.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            guard pattern.count == segments.count else { return false }
            return zip(pattern, segments).allSatisfy { expected, actual in
                (expected.hasPrefix("{") && expected.hasSuffix("}") && !actual.isEmpty) || expected == actual
            }
        }.map(\.method)
        return Array(Set(methods)).sorted()
    }
}
