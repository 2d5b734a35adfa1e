import AgriQADomain

/// US county files. Counties get the code `US-<state>/<5-digit county FIPS>` (`US-WA/53075`
/// Whitman County) whichever file they come from, so the files merge into the same regions.
enum USGazetteerFormats {
    /// Census Bureau gazetteer (TSV): USPS, GEOID, NAME, INTPTLAT, INTPTLONG (internal point,
    /// used as centroid).
    static func loadCensusCounties(
        _ rows: ArraySlice<CSVReader.Row>, into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) {
        let header = load.header
        for row in rows {
            let fields = row.fields
            guard let state = header.value("usps", in: fields), state.count == 2,
                let geoid = header.value("geoid", in: fields).flatMap({ GazetteerFields.paddedDigits($0, width: 5) }),
                let name = header.value("name", in: fields)
            else {
                load.skip(line: row.line, "missing USPS, GEOID or NAME")
                continue
            }
            let coordinate = GazetteerFields.coordinate(
                header.value("intptlat", in: fields), header.value("intptlong", in: fields))
            load.put(
                county(state: state, fips: geoid, name: name, latitude: coordinate?.0, longitude: coordinate?.1),
                into: &gazetteer)
        }
    }

    /// county_fips_master.csv: fips, county_name, state_abbr, state_name, …
    static func loadCountyFIPS(
        _ rows: ArraySlice<CSVReader.Row>, into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) {
        let header = load.header
        for row in rows {
            let fields = row.fields
            guard let state = header.value("state_abbr", in: fields), state.count == 2,
                let fips = header.value("fips", in: fields).flatMap({ GazetteerFields.paddedDigits($0, width: 5) }),
                let name = header.value("county_name", in: fields)
            else {
                load.skip(line: row.line, "missing fips, county_name or state_abbr")
                continue
            }
            load.put(county(state: state, fips: fips, name: name), into: &gazetteer)
        }
    }

    /// state_and_county_fips_master.csv: fips, name, state. State rows have state "NA" and a FIPS
    /// ending in 000; the first row (fips 0) is the whole country.
    static func loadStateAndCountyFIPS(
        _ rows: ArraySlice<CSVReader.Row>, into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) {
        let header = load.header
        for row in rows {
            let fields = row.fields
            guard let fipsText = header.value("fips", in: fields), let fipsNumber = Int(fipsText),
                let name = header.value("name", in: fields)
            else {
                load.skip(line: row.line, "missing fips or name")
                continue
            }
            let state = header.value("state", in: fields) ?? "NA"
            if fipsNumber == 0 {
                load.put(Region(code: "US", name: "United States", level: .country), into: &gazetteer)
            } else if state == "NA" || fipsNumber % 1000 == 0 {
                guard let subdivision = gazetteer.subdivision(exactlyNamed: name, in: "US") else {
                    load.skip(line: row.line, "state \"\(name)\" is not a known US subdivision")
                    continue
                }
                load.put(subdivision, into: &gazetteer)
            } else if state.count == 2,
                let fips = GazetteerFields.paddedDigits(fipsText, width: 5)
            {
                load.put(county(state: state, fips: fips, name: name), into: &gazetteer)
            } else {
                load.skip(line: row.line, "state \"\(state)\" is not a two-letter abbreviation")
            }
        }
    }

    /// state_fips_master.csv: state_name, state_abbr, fips, … Confirms the states (adds the
    /// state name as an alias where it differs from iso-codes').
    static func loadStateFIPS(
        _ rows: ArraySlice<CSVReader.Row>, into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) {
        let header = load.header
        for row in rows {
            let fields = row.fields
            guard let abbreviation = header.value("state_abbr", in: fields), abbreviation.count == 2,
                let name = header.value("state_name", in: fields)
            else {
                load.skip(line: row.line, "missing state_abbr or state_name")
                continue
            }
            let code = RegionCode("US-\(abbreviation.uppercased())")
            load.put(
                Region(code: code, name: GazetteerFields.displayName(name), level: .subdivision, parent: "US"),
                into: &gazetteer)
        }
    }

    private static func county(
        state: String, fips: String, name: String, latitude: Double? = nil, longitude: Double? = nil
    ) -> Region {
        let stateCode = RegionCode("US-\(state.uppercased())")
        return Region(
            code: RegionCode("\(stateCode.rawValue)/\(fips)"), name: GazetteerFields.displayName(name),
            level: .local, parent: stateCode, latitude: latitude, longitude: longitude)
    }
}
