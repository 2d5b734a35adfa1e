import AgriQADomain

/// AgriQA's own gazetteer CSV: `code,name,parent,aliases,lat,lon`.
///
/// - `code` and `name` are required. The level follows from the code: `XX` country, `XX-YY`
///   subdivision, anything with `/` local (`US-WA/53053`, `KE-31/NAKURU-EAST`).
/// - `parent` defaults to the code's syntactic parent (`US-WA/53053` → `US-WA`).
/// - `aliases` are separated by `|`.
/// - `lat`/`lon` are decimal degrees (both or neither).
///
/// This is the operator's own file, so a bad row is an error naming the line, not a skipped row.
enum AgriQACSVFormat {
    static func load(
        _ rows: ArraySlice<CSVReader.Row>, into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) throws(GazetteerError) {
        let header = load.header
        for row in rows {
            let fields = row.fields
            guard let rawCode = header.value("code", in: fields) else {
                throw .malformedRow(path: load.path, line: row.line, reason: "the code column is empty")
            }
            let codeText = rawCode.uppercased()
            guard isValidCode(codeText) else {
                throw .malformedRow(
                    path: load.path, line: row.line,
                    reason: "\"\(rawCode)\" is not a region code (XX, XX-YYY or PARENT/LOCAL, e.g. US-WA/53053)")
            }
            guard let name = header.value("name", in: fields) else {
                throw .malformedRow(path: load.path, line: row.line, reason: "the name column is empty")
            }
            let code = RegionCode(codeText)
            let parent = header.value("parent", in: fields).map { RegionCode($0.uppercased()) } ?? code.syntacticParent
            if let parent, !isValidCode(parent.rawValue) {
                throw .malformedRow(
                    path: load.path, line: row.line, reason: "\"\(parent)\" is not a valid parent code")
            }
            let aliases = (header.value("aliases", in: fields) ?? "")
                .split(separator: "|").map { $0.trimmed() }.filter { !$0.isEmpty }
            let latText = header.value("lat", in: fields) ?? header.value("latitude", in: fields)
            let lonText = header.value("lon", in: fields) ?? header.value("longitude", in: fields)
            var latitude: Double?
            var longitude: Double?
            if latText != nil || lonText != nil {
                guard let (lat, lon) = GazetteerFields.coordinate(latText, lonText) else {
                    throw .malformedRow(
                        path: load.path, line: row.line,
                        reason: "lat/lon must both be decimal degrees in range (got \"\(latText ?? "")\", \"\(lonText ?? "")\")")
                }
                latitude = lat
                longitude = lon
            }
            let level: RegionLevel =
                codeText.contains("/") ? .local : (codeText.contains("-") ? .subdivision : .country)
            load.put(
                Region(
                    code: code, name: name, level: level, parent: parent, aliases: aliases,
                    latitude: latitude, longitude: longitude),
                into: &gazetteer)
        }
    }

    /// `XX`, `XX-Y…` (1–3 alphanumerics), then any number of `/LOCAL` parts (letters, digits, `-`, `_`, `.`).
    static func isValidCode(_ code: String) -> Bool {
        let parts = code.split(separator: "/", omittingEmptySubsequences: false)
        guard let head = parts.first else { return false }
        let headParts = head.split(separator: "-", omittingEmptySubsequences: false)
        guard headParts.count <= 2, let country = headParts.first, country.count == 2,
            country.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        if headParts.count == 2 {
            let sub = headParts[1]
            guard (1...3).contains(sub.count), sub.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            else { return false }
        }
        for local in parts.dropFirst() {
            guard !local.isEmpty,
                local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
            else { return false }
        }
        return true
    }
}
