/// Names that iso-codes does not carry but that documents and users use: everyday English
/// country names, acronyms, and old names of Indian states still found in data sets (KCC logs say
/// "ORISSA" and "PONDICHERRY").
enum BuiltInAliases {
    /// Country (alpha-2) → extra names.
    static let countries: [String: [String]] = [
        "US": ["United States of America", "USA", "U.S.", "U.S.A."],
        "GB": ["UK", "U.K.", "Great Britain", "Britain"],
        "RU": ["Russia"],
        "TR": ["Turkey", "Turquie"],
        "CI": ["Ivory Coast"],
        "CZ": ["Czech Republic"],
        "SZ": ["Swaziland"],
        "MM": ["Burma"],
        "CV": ["Cape Verde"],
        "MK": ["Macedonia"],
        "CD": ["Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa"],
        "CG": ["Republic of the Congo", "Congo-Brazzaville"],
        "AE": ["UAE"],
        "NL": ["Holland"],
        "TL": ["East Timor"],
        "VA": ["Vatican"],
        "PS": ["Palestine"],
        "FM": ["Micronesia"],
        "VN": ["Vietnam"],
        "KR": ["Korea"],
    ]

    /// (country, current name as in iso-codes, folded comparison) → extra names. Matched by name,
    /// so they apply whichever code the installed iso-codes gives the region.
    static let subdivisions: [(country: String, name: String, aliases: [String])] = [
        ("IN", "Odisha", ["Orissa"]),
        ("IN", "Uttarakhand", ["Uttaranchal"]),
        ("IN", "Puducherry", ["Pondicherry"]),
        ("IN", "Chhattisgarh", ["Chattisgarh", "Chhatisgarh"]),
        ("IN", "Telangana", ["Telengana"]),
        ("IN", "Delhi", ["NCT of Delhi", "National Capital Territory of Delhi"]),
        (
            "IN", "Dadra and Nagar Haveli and Daman and Diu",
            ["The Dadra and Nagar Haveli and Daman and Diu", "Dadra and Nagar Haveli", "Daman and Diu"]
        ),
        ("IN", "Andaman and Nicobar Islands", ["Andaman and Nicobar", "A and N Islands"]),
        ("IN", "Jammu and Kashmir", ["J&K"]),
        ("US", "District of Columbia", ["Washington, D.C.", "Washington DC", "Washington D.C."]),
        ("BR", "Distrito Federal", ["Federal District"]),
        ("KE", "Nairobi City", ["Nairobi"]),
        ("NG", "Abuja Federal Capital Territory", ["Federal Capital Territory", "FCT Abuja", "Abuja"]),
    ]

    /// Groups of codes that name the same region across ISO 3166-2 revisions (India changed
    /// several in 2023: CT→CG, TG→TS, UT→UK, OR→OD; DN and DD merged into DH in 2020).
    static let codeGroups: [[String]] = [
        ["IN-CT", "IN-CG"], ["IN-TG", "IN-TS"], ["IN-UT", "IN-UK", "IN-UL"], ["IN-OR", "IN-OD"],
        ["IN-DH", "IN-DN", "IN-DD"],
    ]

    /// gettext catalogs read by default for translated country names.
    static let defaultLanguages = ["fr", "pt", "pt_BR", "es", "de", "it", "nl", "id"]

    /// Extra names derived from an iso-codes name: "Murcia, Región de" → "Región de Murcia",
    /// "Murcia"; "Sint Maarten (Dutch part)" → "Sint Maarten".
    static func derivedNames(of name: String) -> [String] {
        var result: [String] = []
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            let base = name[..<open].trimmed()
            if !base.isEmpty { result.append(base) }
        }
        let parts = name.split(separator: ",", maxSplits: 1).map { $0.trimmed() }
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
            let after = parts[1]
            let words = after.split(separator: " ")
            let endsWithParticle = ["of", "de", "del", "da", "do", "du", "des", "di", "la", "le"]
                .contains(String(words.last ?? "").lowercased())
            if endsWithParticle || words.count <= 2 {
                result.append(after + " " + parts[0])
                result.append(parts[0])
            }
        }
        return result
    }
}
