import AgriQADomain

/// Brazil's IBGE state and municipality lists (as in kelvins/municipios-brasileiros).
/// Municipalities get `BR-<UF>/<7-digit IBGE code>` (`BR-MT/5107925` Sorriso).
enum BrazilIBGEFormats {
    /// IBGE numeric state code → UF (the 26 states and the Federal District).
    static let stateCodes: [Int: String] = [
        11: "RO", 12: "AC", 13: "AM", 14: "RR", 15: "PA", 16: "AP", 17: "TO",
        21: "MA", 22: "PI", 23: "CE", 24: "RN", 25: "PB", 26: "PE", 27: "AL", 28: "SE", 29: "BA",
        31: "MG", 32: "ES", 33: "RJ", 35: "SP",
        41: "PR", 42: "SC", 43: "RS",
        50: "MS", 51: "MT", 52: "GO", 53: "DF",
    ]

    /// estados.csv: codigo_uf, uf, nome, latitude, longitude → centroid and name for `BR-<uf>`.
    static func loadStates(
        _ rows: ArraySlice<CSVReader.Row>, into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) {
        let header = load.header
        for row in rows {
            let fields = row.fields
            let uf = header.value("uf", in: fields)
                ?? header.value("codigo_uf", in: fields).flatMap { Int($0) }.flatMap { stateCodes[$0] }
            guard let uf, uf.count == 2, let name = header.value("nome", in: fields) else {
                load.skip(line: row.line, "missing uf or nome")
                continue
            }
            let coordinate = GazetteerFields.coordinate(
                header.value("latitude", in: fields), header.value("longitude", in: fields))
            load.put(
                Region(
                    code: RegionCode("BR-\(uf.uppercased())"), name: name, level: .subdivision, parent: "BR",
                    latitude: coordinate?.0, longitude: coordinate?.1),
                into: &gazetteer)
        }
    }

    /// municipios.csv: codigo_ibge, nome, latitude, longitude, codigo_uf.
    static func loadMunicipalities(
        _ rows: ArraySlice<CSVReader.Row>, into gazetteer: inout Gazetteer, _ load: inout GazetteerFileLoad
    ) {
        let header = load.header
        for row in rows {
            let fields = row.fields
            guard let code = header.value("codigo_ibge", in: fields), code.allSatisfy(\.isNumber),
                let name = header.value("nome", in: fields)
            else {
                load.skip(line: row.line, "missing codigo_ibge or nome")
                continue
            }
            let stateNumber = header.value("codigo_uf", in: fields).flatMap { Int($0) } ?? Int(code.prefix(2))
            guard let stateNumber, let uf = stateCodes[stateNumber] else {
                load.skip(line: row.line, "unknown IBGE state code for municipality \(code)")
                continue
            }
            let coordinate = GazetteerFields.coordinate(
                header.value("latitude", in: fields), header.value("longitude", in: fields))
            let state = RegionCode("BR-\(uf)")
            load.put(
                Region(
                    code: RegionCode("\(state.rawValue)/\(code)"), name: name, level: .local, parent: state,
                    latitude: coordinate?.0, longitude: coordinate?.1),
                into: &gazetteer)
        }
    }
}
