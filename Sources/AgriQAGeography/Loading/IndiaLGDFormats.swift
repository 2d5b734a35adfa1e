import AgriQADomain

/// India's Local Government Directory (LGD) exports. Districts get `IN-<state>/<LGD district
/// code>` (`IN-AP/511` Kurnool); sub-districts and blocks are children of their district:
/// `IN-AP/511/<sub-district code>` and `IN-AP/511/B<block code>` (the `B` keeps the two LGD code
/// series apart).
///
/// The LGD state of a row is matched by name to the ISO 3166-2 subdivision (case- and
/// accent-insensitive, old names such as Orissa/Uttaranchal/Pondicherry included), falling back
/// to the LGD state code. iso-codes 4.15 uses IN-TG (Telangana), IN-OR (Odisha), IN-UT
/// (Uttarakhand), IN-CT (Chhattisgarh), IN-DH (Dadra and Nagar Haveli and Daman and Diu); the
/// 2023 codes (IN-TS, IN-OD, IN-UK, IN-CG) are accepted as aliases.
enum IndiaLGDFormats {
    /// LGD (= Census 2011, plus 36/37/38 for later states/UTs) state code → ISO 3166-2 code.
    static let stateCodes: [Int: String] = [
        1: "IN-JK", 2: "IN-HP", 3: "IN-PB", 4: "IN-CH", 5: "IN-UT", 6: "IN-HR", 7: "IN-DL", 8: "IN-RJ",
        9: "IN-UP", 10: "IN-BR", 11: "IN-SK", 12: "IN-AR", 13: "IN-NL", 14: "IN-MN", 15: "IN-MZ",
        16: "IN-TR", 17: "IN-ML", 18: "IN-AS", 19: "IN-WB", 20: "IN-JH", 21: "IN-OR", 22: "IN-CT",
        23: "IN-MP", 24: "IN-GJ", 25: "IN-DH", 26: "IN-DH", 27: "IN-MH", 28: "IN-AP", 29: "IN-KA",
        30: "IN-GA", 31: "IN-LD", 32: "IN-KL", 33: "IN-TN", 34: "IN-PY", 35: "IN-AN", 36: "IN-TG",
        37: "IN-LA", 38: "IN-DH",
    ]

    /// State name (as written in the file) → subdivision, so each spelling is matched once per file.
    private typealias StateCache = [String: Region]

    /// 1-state.csv: adds the LGD spelling of each state as an alias of the ISO subdivision.
    static func loadStates(
        _ rows: ArraySlice<CSVReader.Row>, into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) {
        var cache = StateCache()
        for row in rows {
            let names = load.header.values("state name", in: row.fields)
            guard let name = names.first else {
                load.skip(line: row.line, "missing State Name")
                continue
            }
            guard var state = state(named: name, code: load.header.value("state code", in: row.fields), in: &gazetteer, &cache)
            else {
                load.skip(line: row.line, "state \"\(name)\" matches no Indian subdivision")
                continue
            }
            state.aliases = names.map(GazetteerFields.displayName)
            load.put(state, into: &gazetteer)
        }
    }

    /// 2-district.csv: State Code, State Name, District Code, District Name.
    static func loadDistricts(
        _ rows: ArraySlice<CSVReader.Row>, into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) {
        var cache = StateCache()
        for row in rows {
            guard let district = district(in: row, &gazetteer, &load, &cache) else { continue }
            load.put(district, into: &gazetteer)
        }
    }

    /// 3-subdistrict.csv: …, District Code, District Name, Sub-district Code, Sub-district Name.
    static func loadSubdistricts(
        _ rows: ArraySlice<CSVReader.Row>, into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) {
        loadChildren(rows, codeColumn: "sub-district code", nameColumn: "sub-district name", prefix: "",
                     into: &gazetteer, &load)
    }

    /// blocks.csv: …, District Code, District Name, Block Code, Block Version, Block Name.
    static func loadBlocks(
        _ rows: ArraySlice<CSVReader.Row>, into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) {
        loadChildren(rows, codeColumn: "block code", nameColumn: "block name", prefix: "B",
                     into: &gazetteer, &load)
    }

    private static func loadChildren(
        _ rows: ArraySlice<CSVReader.Row>, codeColumn: String, nameColumn: String, prefix: String,
        into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) {
        let header = load.header
        var cache = StateCache()
        var knownDistricts: Set<RegionCode> = []
        for row in rows {
            guard let district = district(in: row, &gazetteer, &load, &cache) else { continue }
            guard let code = header.value(codeColumn, in: row.fields).flatMap({ Int($0) }),
                let name = header.values(nameColumn, in: row.fields).first
            else {
                load.skip(line: row.line, "missing \(codeColumn) or \(nameColumn)")
                continue
            }
            // The parent district may come from this file only: add it if it is new.
            if !knownDistricts.contains(district.code) {
                if gazetteer.region(district.code) == nil { load.put(district, into: &gazetteer) }
                knownDistricts.insert(district.code)
            }
            load.put(
                Region(
                    code: RegionCode("\(district.code.rawValue)/\(prefix)\(code)"),
                    name: GazetteerFields.displayName(name), level: .local, parent: district.code),
                into: &gazetteer)
        }
    }

    /// The district a row describes (State Name/Code, District Code/Name), or nil (row skipped).
    private static func district(
        in row: CSVReader.Row, _ gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad, _ cache: inout StateCache
    ) -> Region? {
        let header = load.header
        guard let stateName = header.value("state name", in: row.fields),
            let districtCode = header.value("district code", in: row.fields).flatMap({ Int($0) }),
            let districtName = header.value("district name", in: row.fields)
        else {
            load.skip(line: row.line, "missing State Name, District Code or District Name")
            return nil
        }
        guard let state = state(named: stateName, code: header.value("state code", in: row.fields), in: &gazetteer, &cache)
        else {
            load.skip(line: row.line, "state \"\(stateName)\" matches no Indian subdivision")
            return nil
        }
        return Region(
            code: RegionCode("\(state.code.rawValue)/\(districtCode)"),
            name: GazetteerFields.displayName(districtName), level: .local, parent: state.code)
    }

    /// The ISO subdivision for an LGD state, by name then by LGD code; created from the code table
    /// when the gazetteer has no Indian subdivisions at all.
    private static func state(
        named name: String, code: String?, in gazetteer: inout Gazetteer, _ cache: inout StateCache
    ) -> Region? {
        if let cached = cache[name] { return cached }
        let found = lookUpState(named: name, code: code, in: &gazetteer)
        if let found { cache[name] = found }
        return found
    }

    private static func lookUpState(named name: String, code: String?, in gazetteer: inout Gazetteer) -> Region? {
        if let region = gazetteer.subdivision(named: name, in: "IN") { return region }
        guard let number = code.flatMap({ Int($0) }), let iso = stateCodes[number] else { return nil }
        if let region = gazetteer.region(RegionCode(iso)) { return region }
        let region = Region(
            code: RegionCode(iso), name: GazetteerFields.displayName(name), level: .subdivision, parent: "IN")
        gazetteer.insert(region)
        return region
    }
}
