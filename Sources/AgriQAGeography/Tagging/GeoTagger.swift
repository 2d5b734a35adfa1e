import AgriQADomain

/// Tags documents, chunks and Q&A records with the regions they are about.
///
/// Matching folds text (lowercase, no diacritics, NFKC), splits it into words and looks up word
/// sequences in a dictionary of every gazetteer name (a trie over word ids), after masking false
/// friends ("Colorado potato beetle", "Kentucky bluegrass", "wild turkey", "George Washington").
/// `MentionResolver` decides what each name refers to; `TagWeighting` turns the evidence into
/// weights. Build one tagger per gazetteer and share it: it is an immutable value.
public struct GeoTagger: Sendable {
    public let gazetteer: Gazetteer
    let matcher: PlaceMatcher

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        self.matcher = PlaceMatcher(gazetteer: gazetteer)
    }

    // MARK: - Documents

    /// Document-level tags with weights in 0...1, strongest first; only regions with real
    /// evidence (title, metadata, publisher, or enough mentions). Tags are the most specific
    /// regions evidenced; parents are not added (a national document still gets its country when
    /// it names the country).
    public func tagDocument(_ evidence: DocumentGeoEvidence) -> [RegionTag] {
        var lowercaseWords: Set<Int32> = []
        var streams: [TokenStream] = []
        var fields: [EvidenceField] = []
        func add(_ text: String?, _ field: EvidenceField) {
            guard let text, !text.isEmpty else { return }
            streams.append(matcher.tokenize(text, lowercaseWords: &lowercaseWords))
            fields.append(field)
        }
        add(evidence.title, .title)
        add(evidence.subject, .metadata)
        add(evidence.keywords, .metadata)
        add(evidence.author, .author)
        add(evidence.frontMatter, .frontMatter)
        add(String(ReferenceSection.trimmed(evidence.body)), .body)

        let mentions = MentionResolver(matcher: matcher)
            .resolve(streams, fields: fields, lowercaseWords: lowercaseWords, inherited: [])
        var inTitle: Set<Int32> = [], inMetadata: Set<Int32> = [], asPublisher: Set<Int32> = []
        var frontCounts: [Int32: Int] = [:], bodyCounts: [Int32: Int] = [:]
        for mention in mentions {
            guard let region = mention.resolved else { continue }
            let field = fields[mention.stream]
            switch field {
            case .title: inTitle.insert(region)
            case .metadata: inMetadata.insert(region)
            case .author: break  // only institutions come from the author field: publisher evidence
            case .frontMatter: frontCounts[region, default: 0] += 1
            case .body, .passage: bodyCounts[region, default: 0] += 1
            }
            if mention.institution && field != .body && field != .passage { asPublisher.insert(region) }
        }
        let bodyTokens = zip(streams, fields).first { $0.1 == .body }?.0.count ?? 0
        let top = bodyCounts.values.max() ?? 0
        let regions = inTitle.union(inMetadata).union(asPublisher).union(frontCounts.keys).union(bodyCounts.keys)
        var tags: [RegionTag] = []
        for region in regions {
            var pieces: [(weight: Double, evidence: TagEvidence)] = []
            if inTitle.contains(region) { pieces.append((TagWeighting.title, .title)) }
            if inMetadata.contains(region) { pieces.append((TagWeighting.metadata, .metadata)) }
            if asPublisher.contains(region) { pieces.append((TagWeighting.publisher, .publisher)) }
            if let count = frontCounts[region] { pieces.append((TagWeighting.frontMatter(count: count), .mention)) }
            if let count = bodyCounts[region] {
                pieces.append((TagWeighting.body(count: count, top: top, tokens: bodyTokens), .mention))
            }
            guard let (weight, evidence) = TagWeighting.combine(pieces),
                weight >= TagWeighting.minimumDocumentWeight
            else { continue }
            tags.append(RegionTag(code: matcher.codes[Int(region)], weight: Self.rounded(weight), evidence: evidence))
        }
        return Self.sorted(tags)
    }

    // MARK: - Chunks

    /// Chunk-level tags: regions mentioned in the chunk (evidence `.mention`), plus the document's
    /// tags inherited at `TagWeighting.inheritedFactor` × their weight (evidence `.inherited`). A
    /// region both mentioned and inherited keeps the stronger tag. The document's regions also
    /// help read the chunk ("Whitman County" in a chunk of a Washington document).
    public func tagChunk(_ text: String, inheriting documentTags: [RegionTag]) -> [RegionTag] {
        var best: [RegionCode: RegionTag] = [:]
        func keep(_ tag: RegionTag) {
            if let existing = best[tag.code], existing.weight >= tag.weight { return }
            best[tag.code] = tag
        }
        for tag in documentTags {
            keep(RegionTag(code: tag.code, weight: Self.rounded(tag.weight * TagWeighting.inheritedFactor), evidence: .inherited))
        }
        let inherited = documentTags.compactMap { gazetteer.index(of: $0.code).map(Int32.init) }
        for tag in passageTags(text, inherited: inherited) { keep(tag) }
        return Self.sorted(Array(best.values))
    }

    // MARK: - Records

    /// Q&A records: structured fields (`.recordField`, weight 1.0) resolved with subdivision and
    /// local lookups (tolerant of capitals and transliteration variants), plus mentions in the
    /// text. Returns the names that could not be resolved, so ingestion can report them. Empty
    /// and placeholder values ("NA", "-", "9999", "Others") are ignored.
    public func tagRecord(country: String?, state: String?, district: String?, text: String)
        -> (tags: [RegionTag], unresolved: [String])
    {
        var unresolved: [String] = []
        var resolved: [Region] = []
        let countryName = Self.meaningful(country)
        let stateName = Self.meaningful(state)
        let districtName = Self.meaningful(district)

        var countryRegion: Region?
        if let countryName {
            countryRegion = gazetteer.country(named: countryName)
            if let countryRegion { resolved.append(countryRegion) } else { unresolved.append(countryName) }
        }
        var stateRegion: Region?
        if let stateName {
            stateRegion = gazetteer.subdivision(named: stateName, in: countryRegion?.code)
            if stateRegion == nil, countryRegion == nil, let districtName {
                // "Punjab" alone is ambiguous; the district may tell which one.
                let options = gazetteer.subdivisions(named: stateName)
                let fitting = options.filter { gazetteer.local(named: districtName, under: $0.code) != nil }
                if fitting.count == 1 { stateRegion = fitting[0] }
            }
            if let stateRegion { resolved.append(stateRegion) } else { unresolved.append(stateName) }
        }
        if let districtName {
            let parent = stateRegion?.code ?? countryRegion?.code
            if let parent, let local = gazetteer.local(named: districtName, under: parent) {
                resolved.append(local)
            } else {
                unresolved.append(districtName)
            }
        }
        var tags: [RegionCode: RegionTag] = [:]
        for region in resolved {
            tags[region.code] = RegionTag(code: region.code, weight: 1.0, evidence: .recordField)
        }
        let inherited = resolved.compactMap { gazetteer.index(of: $0.code).map(Int32.init) }
        for tag in passageTags(text, inherited: inherited) where tags[tag.code] == nil {
            tags[tag.code] = tag
        }
        return (Self.sorted(Array(tags.values)), unresolved)
    }

    // MARK: - Helpers

    /// Mention tags of a short text (a chunk, a record), read with `inherited` regions as context.
    private func passageTags(_ text: String, inherited: [Int32]) -> [RegionTag] {
        guard !text.isEmpty else { return [] }
        var lowercaseWords: Set<Int32> = []
        let stream = matcher.tokenize(text, lowercaseWords: &lowercaseWords)
        let mentions = MentionResolver(matcher: matcher)
            .resolve([stream], fields: [.passage], lowercaseWords: lowercaseWords, inherited: inherited)
        var counts: [Int32: Int] = [:]
        var strong: Set<Int32> = []
        for mention in mentions {
            guard let region = mention.resolved else { continue }
            counts[region, default: 0] += 1
            if mention.qualified || mention.institution || mention.affiliation { strong.insert(region) }
        }
        return counts.map { region, count in
            RegionTag(
                code: matcher.codes[Int(region)],
                weight: Self.rounded(TagWeighting.passage(count: count, strong: strong.contains(region))),
                evidence: .mention)
        }
    }

    private static func meaningful(_ value: String?) -> String? {
        guard let trimmed = value?.trimmed(), !trimmed.isEmpty else { return nil }
        let placeholders: Set<String> = ["na", "n a", "none", "null", "nil", "unknown", "others", "other", "0", "9999", "99"]
        let key = FoldingTokenizer.key(trimmed)
        guard !key.isEmpty, !placeholders.contains(key) else { return nil }
        return trimmed
    }

    private static func rounded(_ weight: Double) -> Double {
        (min(1, max(0, weight)) * 1000).rounded() / 1000
    }

    private static func sorted(_ tags: [RegionTag]) -> [RegionTag] {
        tags.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.code < $1.code }
    }
}
