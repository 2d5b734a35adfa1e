/// Why a gazetteer could not be built or a gazetteer file could not be loaded. Each message says
/// what is wrong and what to do about it.
public enum GazetteerError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Debian's iso-codes data is not where it was looked for.
    case isoCodesMissing(directory: String)
    /// iso-codes is there but a file could not be read or parsed.
    case isoCodesUnreadable(path: String, reason: String)
    /// A gazetteer file could not be opened or decoded.
    case fileUnreadable(path: String, reason: String)
    /// A gazetteer file's header matches none of the recognised formats.
    case unrecognizedFormat(path: String, header: [String])
    /// A gazetteer file in a recognised format has a bad row.
    case malformedRow(path: String, line: Int, reason: String)
    /// A gazetteer file was read but gave no region (every row skipped, or no rows).
    case noRegions(path: String, reason: String)

    public var description: String {
        switch self {
        case .isoCodesMissing(let directory):
            return "The ISO 3166 data was not found in \(directory) (iso_3166-1.json, iso_3166-2.json). "
                + "Install Debian's iso-codes package (apt-get install iso-codes), or pass the directory "
                + "holding those JSON files."
        case .isoCodesUnreadable(let path, let reason):
            return "Could not read the ISO 3166 data in \(path): \(reason). "
                + "Reinstall Debian's iso-codes package (apt-get install --reinstall iso-codes)."
        case .fileUnreadable(let path, let reason):
            return "Could not read the gazetteer file \(path): \(reason). "
                + "Check the path and permissions; expected formats: \(GazetteerFileFormat.summary)."
        case .unrecognizedFormat(let path, let header):
            let shown = header.prefix(12).joined(separator: ",")
            return "The gazetteer file \(path) has an unrecognised header (\(shown)). "
                + "Recognised formats: \(GazetteerFileFormat.summary). "
                + "For your own regions use the AgriQA CSV header code,name,parent,aliases,lat,lon "
                + "(see docs/gazetteers.md)."
        case .malformedRow(let path, let line, let reason):
            return "The gazetteer file \(path) has a bad row at line \(line): \(reason). "
                + "Fix or remove that row and load the file again."
        case .noRegions(let path, let reason):
            return "The gazetteer file \(path) gave no region: \(reason). "
                + "Check that it is the file you meant and that its rows are filled in "
                + "(see docs/gazetteers.md)."
        }
    }
}
