/// Which source field names feed each record field. Matching ignores case, spaces, `_` and `-`, and
/// nested objects are flattened (`metadata.state` matches `state`).
///
/// | field    | accepted names |
/// |----------|----------------|
/// | question | question, query, querytext, query_text, q, prompt, instruction |
/// | answer   | answer, kccans, kcc_ans, response, a, output, reply |
/// | country  | country, countrycode, country_name, nation |
/// | state    | state, statename, state_name, province, uf, region |
/// | district | district, districtname, district_name, county, municipality, municipio |
/// | crop     | crop, cropname, crop_name, commodity |
/// | season   | season |
/// | date     | date, createdon, created_on, created, timestamp |
/// | id       | id, recordid, record_id, uid |
public struct RecordFieldMapping: Sendable {
    public var question = ["question", "query", "querytext", "prompt", "instruction", "q"]
    public var answer = ["answer", "kccans", "response", "output", "reply", "a"]
    public var country = ["country", "countrycode", "countryname", "nation"]
    public var state = ["state", "statename", "province", "uf", "region"]
    public var district = ["district", "districtname", "county", "municipality", "municipio"]
    public var crop = ["crop", "cropname", "commodity"]
    public var season = ["season"]
    public var date = ["date", "createdon", "created", "timestamp"]
    public var id = ["id", "recordid", "uid"]

    public init() {}

    /// "Created_On" → "createdon".
    public static func key(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// The first non-empty value among `names`, looked up in normalized keys.
    func value(_ names: [String], in fields: [String: String]) -> String? {
        for name in names {
            if let value = fields[name], !value.isEmpty { return value }
        }
        return nil
    }

    func hasAny(_ names: [String], in keys: Set<String>) -> Bool {
        names.contains { keys.contains($0) }
    }

    /// Builds a record from normalized fields (keys already passed through `key(_:)`).
    func record(from fields: [String: String], position: Int) -> QARecord? {
        let questionText = value(question, in: fields) ?? ""
        let answerText = value(answer, in: fields) ?? ""
        guard !questionText.isEmpty || !answerText.isEmpty else { return nil }
        let groups: [[String]] = [question, answer, country, state, district, crop, season, date, id]
        let used = Set(groups.joined())
        let extra = fields.filter { !used.contains($0.key) && !$0.value.isEmpty }
        return QARecord(
            id: value(id, in: fields) ?? String(position), question: questionText, answer: answerText,
            country: value(country, in: fields), state: value(state, in: fields),
            district: value(district, in: fields), crop: value(crop, in: fields),
            season: value(season, in: fields).flatMap { Self.meaningful($0) }, date: value(date, in: fields),
            extra: extra)
    }

    /// "NA", "-", "null" mean no value.
    static func meaningful(_ value: String) -> String? {
        ["na", "n/a", "-", "null", "none", ""].contains(value.lowercased()) ? nil : value
    }
}
