import AgriQADomain

/// datasets/country-codes `country-codes.csv`: one row per ISO 3166-1 country with names in
/// several languages. Adds the English, French and Spanish official and short names as aliases
/// (and the country itself when the gazetteer does not have it yet).
enum CountryCodesFormat {
    /// Name columns read as aliases, most useful first.
    static let nameColumns = [
        "official_name_en", "cldr display name", "unterm english short", "unterm english formal",
        "official_name_fr", "unterm french short", "unterm french formal", "official_name_es",
        "unterm spanish short", "unterm spanish formal",
    ]

    static func load(
        _ rows: ArraySlice<CSVReader.Row>, into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) {
        let header = load.header
        for row in rows {
            let fields = row.fields
            guard let alpha2 = header.value("iso3166-1-alpha-2", in: fields), alpha2.count == 2,
                alpha2.allSatisfy({ $0.isASCII && $0.isLetter })
            else {
                load.skip(line: row.line, "missing ISO3166-1-Alpha-2")
                continue
            }
            let names = nameColumns.compactMap { header.value($0, in: fields) }.map(cleaned).filter { $0.count > 2 }
            guard let name = names.first else {
                load.skip(line: row.line, "no name for \(alpha2)")
                continue
            }
            let code = RegionCode(alpha2.uppercased())
            load.put(Region(code: code, name: name, level: .country, aliases: Array(names.dropFirst())), into: &gazetteer)
            if let alpha3 = header.value("iso3166-1-alpha-3", in: fields), alpha3.count == 3 {
                gazetteer.setAlpha3(alpha3, for: code)
            }
        }
    }

    /// "United States of America (the)" → "United States of America"; "Afghanistan (l')" →
    /// "Afghanistan"; "the Republic of Senegal" → "Republic of Senegal".
    static func cleaned(_ name: String) -> String {
        var result = name.trimmed()
        if result.hasSuffix(")"), let open = result.lastIndex(of: "(") {
            let inside = result[result.index(after: open)..<result.index(before: result.endIndex)]
            if ["the", "le", "la", "l'", "les", "el", "los", "las"].contains(inside.lowercased()) {
                result = String(result[..<open]).trimmed()
            }
        }
        for article in ["the ", "le ", "la ", "les ", "l'", "el ", "los ", "las "] where result.lowercased().hasPrefix(article) {
            result = String(result.dropFirst(article.count))
            break
        }
        return result
    }
}
