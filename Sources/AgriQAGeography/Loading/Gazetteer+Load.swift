import AgriQADomain
import Foundation

extension Gazetteer {
    /// Adds the regions of a gazetteer file (format auto-detected from its header; see
    /// `GazetteerFileFormat` and docs/gazetteers.md).
    /// - Returns: the number of regions added or updated (files such as Brazil's estados.csv or
    ///   India's 1-state.csv only enrich regions already present).
    @discardableResult
    public mutating func load(file path: String) throws(GazetteerError) -> Int {
        let summary = try loadFile(path)
        return summary.added + summary.updated
    }

    /// As `load(file:)`, with the full account: format, added, updated and skipped rows.
    @discardableResult
    public mutating func loadFile(_ path: String) throws(GazetteerError) -> GazetteerLoadSummary {
        let reader = try Self.readCSV(path)
        guard let headerRow = reader.rows.first else {
            throw .noRegions(path: path, reason: "the file is empty")
        }
        let header = CSVHeader(headerRow.fields)
        guard let format = GazetteerFileFormat.detect(header) else {
            throw .unrecognizedFormat(path: path, header: header.names)
        }
        let rows = reader.rows.dropFirst()
        var load = GazetteerFileLoad(path: path, header: header)
        switch format {
        case .agriQA: try AgriQACSVFormat.load(rows, into: &self, &load)
        case .usCensusCounties: USGazetteerFormats.loadCensusCounties(rows, into: &self, &load)
        case .usCountyFIPS: USGazetteerFormats.loadCountyFIPS(rows, into: &self, &load)
        case .usStateAndCountyFIPS: USGazetteerFormats.loadStateAndCountyFIPS(rows, into: &self, &load)
        case .usStateFIPS: USGazetteerFormats.loadStateFIPS(rows, into: &self, &load)
        case .indiaLGDStates: IndiaLGDFormats.loadStates(rows, into: &self, &load)
        case .indiaLGDDistricts: IndiaLGDFormats.loadDistricts(rows, into: &self, &load)
        case .indiaLGDSubdistricts: IndiaLGDFormats.loadSubdistricts(rows, into: &self, &load)
        case .indiaLGDBlocks: IndiaLGDFormats.loadBlocks(rows, into: &self, &load)
        case .brazilIBGEStates: BrazilIBGEFormats.loadStates(rows, into: &self, &load)
        case .brazilIBGEMunicipalities: BrazilIBGEFormats.loadMunicipalities(rows, into: &self, &load)
        case .countryCodes: CountryCodesFormat.load(rows, into: &self, &load)
        }
        applyCodeGroups()
        if load.added + load.updated == 0 {
            let why = load.skippedExamples.first.map { "every row was skipped (\($0))" } ?? "it has no data rows"
            throw .noRegions(path: path, reason: why)
        }
        return load.summary(format: format)
    }

    private static func readCSV(_ path: String) throws(GazetteerError) -> CSVReader {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileUnreadable(path: path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw .fileUnreadable(path: path, reason: "it is a directory; give one file at a time")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .fileUnreadable(path: path, reason: error.localizedDescription)
        }
        if data.prefix(4).contains(0) {
            throw .fileUnreadable(path: path, reason: "it is binary, not a CSV or TSV text file")
        }
        return CSVReader(bytes: [UInt8](data))
    }
}
