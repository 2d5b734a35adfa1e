/// The gazetteer file formats `Gazetteer.load(file:)` recognises, each detected from its header.
/// docs/gazetteers.md describes each one.
public enum GazetteerFileFormat: String, Sendable, CaseIterable {
    /// AgriQA's own CSV: `code,name,parent,aliases,lat,lon`.
    case agriQA
    /// US Census Bureau gazetteer of counties (TSV: USPS, GEOID, NAME, INTPTLAT, INTPTLONG).
    case usCensusCounties
    /// county_fips_master.csv (fips, county_name, state_abbr, …).
    case usCountyFIPS
    /// state_and_county_fips_master.csv (fips, name, state).
    case usStateAndCountyFIPS
    /// state_fips_master.csv (state_name, state_abbr, fips, …).
    case usStateFIPS
    /// India LGD 1-state.csv (State Code, State Name, …).
    case indiaLGDStates
    /// India LGD 2-district.csv (State Code, State Name, District Code, District Name, …).
    case indiaLGDDistricts
    /// India LGD 3-subdistrict.csv (…, District Code, Sub-district Code, Sub-district Name, …).
    case indiaLGDSubdistricts
    /// India LGD blocks.csv (…, District Code, Block Code, Block Name, …).
    case indiaLGDBlocks
    /// Brazil IBGE estados.csv (codigo_uf, uf, nome, latitude, longitude, …).
    case brazilIBGEStates
    /// Brazil IBGE municipios.csv (codigo_ibge, nome, latitude, longitude, codigo_uf, …).
    case brazilIBGEMunicipalities
    /// datasets/country-codes country-codes.csv (ISO3166-1-Alpha-2, official names, …).
    case countryCodes

    /// A short human name with the columns that identify it.
    public var displayName: String {
        switch self {
        case .agriQA: return "AgriQA CSV (code,name,parent,aliases,lat,lon)"
        case .usCensusCounties: return "US Census county gazetteer TSV (USPS,GEOID,NAME,INTPTLAT,INTPTLONG)"
        case .usCountyFIPS: return "US county_fips_master.csv (fips,county_name,state_abbr)"
        case .usStateAndCountyFIPS: return "US state_and_county_fips_master.csv (fips,name,state)"
        case .usStateFIPS: return "US state_fips_master.csv (state_name,state_abbr,fips)"
        case .indiaLGDStates: return "India LGD states (State Code,State Name)"
        case .indiaLGDDistricts: return "India LGD districts (State Code,State Name,District Code,District Name)"
        case .indiaLGDSubdistricts: return "India LGD sub-districts (…,District Code,Sub-district Code,Sub-district Name)"
        case .indiaLGDBlocks: return "India LGD blocks (…,District Code,Block Code,Block Name)"
        case .brazilIBGEStates: return "Brazil IBGE estados.csv (codigo_uf,uf,nome,latitude,longitude)"
        case .brazilIBGEMunicipalities: return "Brazil IBGE municipios.csv (codigo_ibge,nome,latitude,longitude,codigo_uf)"
        case .countryCodes: return "country-codes.csv (ISO3166-1-Alpha-2, official_name_en, …)"
        }
    }

    /// All formats, for error messages.
    public static var summary: String {
        allCases.map(\.displayName).joined(separator: "; ")
    }

    /// The format whose identifying columns are all in `header` (names compared folded).
    static func detect(_ header: CSVHeader) -> GazetteerFileFormat? {
        let has = header.has
        if has("iso3166-1-alpha-2") { return .countryCodes }
        if has("usps") && has("geoid") && has("name") && has("intptlat") && has("intptlong") {
            return .usCensusCounties
        }
        if has("fips") && has("county_name") && has("state_abbr") { return .usCountyFIPS }
        if has("fips") && has("state_name") && has("state_abbr") { return .usStateFIPS }
        if has("fips") && has("name") && has("state") && header.count == 3 { return .usStateAndCountyFIPS }
        if has("district code") && has("block code") && has("block name") { return .indiaLGDBlocks }
        if has("district code") && has("sub-district code") && has("sub-district name") {
            return .indiaLGDSubdistricts
        }
        if has("state name") && has("district code") && has("district name") { return .indiaLGDDistricts }
        if has("state code") && has("state name") { return .indiaLGDStates }
        if has("codigo_ibge") && has("nome") && has("codigo_uf") { return .brazilIBGEMunicipalities }
        if has("codigo_uf") && has("uf") && has("nome") { return .brazilIBGEStates }
        if has("code") && has("name") { return .agriQA }
        return nil
    }
}

/// Column positions by folded name (lowercased, trimmed). Duplicate names keep every position
/// (India's 1-state.csv has two "State Name" columns).
struct CSVHeader {
    let names: [String]
    private let positions: [String: [Int]]

    init(_ fields: [String]) {
        names = fields.map { $0.trimmed() }
        var positions: [String: [Int]] = [:]
        for (index, name) in names.enumerated() {
            positions[name.lowercased(), default: []].append(index)
        }
        self.positions = positions
    }

    var count: Int { names.count }

    func has(_ name: String) -> Bool { positions[name] != nil }

    /// First column with this (lowercase) name.
    func index(_ name: String) -> Int? { positions[name]?.first }

    /// The trimmed value of column `name` in `fields`, or nil when absent or empty.
    func value(_ name: String, in fields: [String]) -> String? {
        guard let index = index(name), index < fields.count else { return nil }
        let value = fields[index].trimmed()
        return value.isEmpty ? nil : value
    }

    /// All non-empty values of the columns named `name`.
    func values(_ name: String, in fields: [String]) -> [String] {
        (positions[name] ?? []).compactMap { index in
            guard index < fields.count else { return nil }
            let value = fields[index].trimmed()
            return value.isEmpty ? nil : value
        }
    }
}
