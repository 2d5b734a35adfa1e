/// Decides which region each phrase occurrence names, using only evidence inside the text (and
/// regions inherited from its document or record):
///
/// 1. Qualified mentions resolve directly: "Whitman County, Washington", "Sorriso (MT)",
///    "Punjab, India", "Kurnool district of Andhra Pradesh". A name qualified by a place it is
///    not in ("Western Region of Cameroon" for Ghana's Western Region) is dropped.
/// 2. A country name, or a multi-word subdivision name ("Tamil Nadu", "Mato Grosso"), that
///    names a single region counts at once; so do institutions ("University of Georgia") and
///    names in the title or subject/keywords. Multi-word names that start like streets or
///    surnames ("Saint Martin", "Bel Air") are treated as one-word names.
/// 3. Everything else needs support from the regions accepted so far: ambiguous names
///    ("Georgia": US-GA or GE; "Punjab": IN-PB or PK-PB), one-word subdivision names (often
///    also surnames: "Shan", "Rivas", "Virginia"), local names (counties, districts,
///    municipalities, second-level ISO entries), and person-like names ("Washington", which
///    needs the state itself: a county of it, "Washington State", "eastern Washington", a
///    qualifier). Support of a candidate: 3 if it is accepted, 2 if a region under it is, about
///    1 if a region above it is accepted, about 0.8 if a region above it is only implied (a
///    sibling was accepted); for local regions only their state (or a finer region) counts, not
///    their country. The best candidate must be unique. A one-word subdivision named
///    three times or more in the same text supports itself.
///    In text written all in capitals, every one-word name needs support ("CHILI" in a Kisan
///    Call Centre log is the pepper, not Chile).
/// 4. Ordinary words ("Central", "Est", "para", "Most") count only when designated ("Central
///    Region", "estado do Acre"), qualified, or written with the region's own accents ("Pará").
/// 5. Names used as people's names are dropped: in the author field, before "et al." or a
///    year ("Moyo et al. 2020", "Rivas 2019"), next to an initial ("Rossi, V.", "J. Rivas").
struct MentionResolver {
    let matcher: PlaceMatcher

    /// Finds and resolves the mentions in `streams` (one per field). `inherited` are regions
    /// known from outside the text (the document's tags for a chunk, the record's fields).
    func resolve(
        _ streams: [TokenStream], fields: [EvidenceField], lowercaseWords: Set<Int32>, inherited: [Int32]
    ) -> [Mention] {
        var mentions: [Mention] = []
        for (streamIndex, stream) in streams.enumerated() {
            let first = mentions.count
            let field = fields[streamIndex]
            matcher.forEachMatch(in: stream) { start, end, phraseIndex in
                guard let mention = makeMention(stream, streamIndex, start, end, phraseIndex) else { return }
                if field == .author && !mention.institution { return }
                mentions.append(mention)
            }
            applyQualifiers(&mentions, from: first, in: stream)
        }
        let english = readsAsEnglish(streams)
        for index in mentions.indices where mentions[index].resolved == nil && mentions[index].threshold.isFinite {
            let mention = mentions[index]
            classify(
                &mentions[index], stream: streams[mention.stream], field: fields[mention.stream],
                lowercaseWords: lowercaseWords, english: english)
        }
        acceptFrequentNames(&mentions, fields: fields)
        resolveBySupport(&mentions, inherited: inherited)
        return mentions
    }

    // MARK: - Finding

    private func makeMention(
        _ stream: TokenStream, _ streamIndex: Int, _ start: Int, _ end: Int, _ phraseIndex: Int
    ) -> Mention? {
        let phrase = matcher.phrases[phraseIndex]
        if phrase.acronym {
            for token in start..<end where !stream.casing[token].contains(.allUpper) { return nil }
        } else if stream.casing[start].isDisjoint(with: [.firstUpper, .uncased]) {
            return nil  // "turkey", "china", "georgia" in lowercase are not places
        } else if phrase.foldedLength <= 4 && isIsolatedCapitals(stream, start, end) {
            return nil  // "MARA" (a ministry's acronym) is not Tanzania's Mara region
        }
        if phrase.kind == .place && phrase.tokenCount == 1 && phrase.foldedLength <= 2 && !phrase.acronym {
            return nil  // "IN", "WA", "GA" in prose never tag
        }
        var mention = Mention(
            stream: streamIndex, start: start, end: end, phrase: phraseIndex, candidates: phrase.regions)
        if phrase.kind == .institution, let region = phrase.regions.first {
            mention.institution = true
            mention.resolved = region
            return mention
        }
        mention.institution = isInstitution(stream, start, end)
        mention.affiliation = !mention.institution && isAffiliation(stream, start)
        mention.designated = isDesignated(stream, start, end)
        if start > 0, matcher.directions.contains(stream.ids[start - 1]), !stream.hasBreak(from: start, through: start) {
            mention.directional = true
        }
        if !mention.institution && !mention.designated && isPersonContext(stream, start, end) {
            mention.threshold = .infinity
        }
        return mention
    }

    // MARK: - Qualifiers

    /// "X, Y" / "X (Y)" / "X - Y" / "X [district] of Y", where Y is a region above one of X's
    /// candidates or a code ("Whitman County, WA", "Sorriso (MT)"): both resolve. With "of", a
    /// Y that is above none of X's candidates rules X out ("Western Region of Cameroon").
    private func applyQualifiers(_ mentions: inout [Mention], from first: Int, in stream: TokenStream) {
        let qualifierGaps: GapFlags = [.comma, .openParen, .dash, .slash]
        for index in first..<mentions.count {
            let head = mentions[index]
            guard head.resolved == nil, matcher.phrases[head.phrase].kind == .place, head.end < stream.count else {
                continue
            }
            let next = index + 1 < mentions.count ? mentions[index + 1] : nil
            if !stream.gaps[head.end].isDisjoint(with: qualifierGaps) {
                if let next, next.start == head.end {
                    qualify(&mentions, head: index, by: index + 1)
                    continue
                }
                let codeToken = stream.ids[head.end]
                if codeToken >= 0, stream.casing[head.end].contains(.allUpper),
                    let regions = matcher.codeSuffixes[codeToken],
                    let (region, _) = resolve(head.candidates, under: regions)
                {
                    mentions[index].resolved = region
                    mentions[index].qualified = true
                }
                continue
            }
            // "Kurnool district of Andhra Pradesh", "Western Region of Cameroon".
            var position = head.end
            if position < stream.count, matcher.designationsAfter.contains(stream.ids[position]) { position += 1 }
            guard position < stream.count, stream.ids[position] == matcher.ofWord || stream.ids[position] == matcher.inWord,
                let next, next.start == position + 1, !stream.hasBreak(from: head.end, through: next.start),
                matcher.phrases[next.phrase].kind == .place
            else { continue }
            if !qualify(&mentions, head: index, by: index + 1), position > head.end,
                next.candidates.allSatisfy({ matcher.levels[Int($0)] == .country })
            {
                mentions[index].threshold = .infinity
            }
        }
    }

    @discardableResult
    private func qualify(_ mentions: inout [Mention], head: Int, by qualifier: Int) -> Bool {
        let qualifierRegions = mentions[qualifier].resolved.map { [$0] } ?? mentions[qualifier].candidates
        guard let (region, above) = resolve(mentions[head].candidates, under: qualifierRegions) else { return false }
        mentions[head].resolved = region
        mentions[head].qualified = true
        if matcher.phrases[mentions[qualifier].phrase].kind == .place {
            mentions[qualifier].resolved = above
            mentions[qualifier].qualified = true
        }
        return true
    }

    /// The single candidate lying under one of `qualifiers`, with that qualifier.
    private func resolve(_ candidates: [Int32], under qualifiers: [Int32]) -> (Int32, Int32)? {
        let qualifierSet = Set(qualifiers)
        var found: [(Int32, Int32)] = []
        for candidate in candidates {
            if let above = matcher.ancestors[Int(candidate)].first(where: qualifierSet.contains) {
                found.append((candidate, above))
            }
        }
        let collapsed = collapse(found.map(\.0))
        guard collapsed.count == 1, let pick = found.first(where: { $0.0 == collapsed[0] }) else { return nil }
        return pick
    }

    // MARK: - Classification

    /// Whether English function words outnumber French/Portuguese/Spanish ones (ties, and texts
    /// without any, count as English).
    private func readsAsEnglish(_ streams: [TokenStream]) -> Bool {
        var english = 0, romance = 0
        for stream in streams {
            for id in stream.ids where id >= 0 {
                if matcher.englishWords.contains(id) { english += 1 } else if matcher.romanceWords.contains(id) { romance += 1 }
            }
        }
        return english >= romance
    }

    private func classify(
        _ mention: inout Mention, stream: TokenStream, field: EvidenceField, lowercaseWords: Set<Int32>,
        english: Bool
    ) {
        let phrase = matcher.phrases[mention.phrase]
        var candidates = collapse(mention.candidates)
        // A state or country beats a municipality of the same name ("Paraná", "Goiás").
        let regional = candidates.filter { matcher.levels[Int($0)] != .local }
        if !regional.isEmpty { candidates = regional }
        // "Georgia State", "State of Georgia": a state, not a country.
        if mention.designated, candidates.count > 1 {
            let subdivisions = candidates.filter { matcher.levels[Int($0)] == .subdivision }
            if !subdivisions.isEmpty { candidates = subdivisions }
        }
        mention.candidates = candidates

        var common = phrase.common || (phrase.englishCommon && english)
        if !common && phrase.tokenCount == 1 && lowercaseWords.contains(stream.ids[mention.start]) {
            common = true  // the text itself uses the word in lowercase ("lot", "bale", "turkey")
        }
        if common && !phrase.accentedForms.isEmpty && stream.casing[mention.start].contains(.accented)
            && phrase.accentedForms.contains(stream.originalLowercased(mention.start))
        {
            common = false  // "Pará" is the state, "para" the preposition
        }
        if common && !mention.designated && !mention.institution {
            mention.threshold = .infinity
            return
        }
        let personLike = phrase.personLike && !mention.designated && !mention.directional && !mention.institution
            && !mention.affiliation
        let deliberate = field == .title || field == .metadata || mention.institution || mention.affiliation
            || mention.designated || mention.directional
        let weakSubdivision = phrase.weakForm && candidates.count == 1
            && matcher.levels[Int(candidates[0])] == .subdivision && !deliberate
        let shouting = !stream.hasLowercase && phrase.tokenCount == 1 && !mention.institution
        let needsSupport =
            candidates.count != 1 || personLike || common || phrase.foldedLength <= 3 || weakSubdivision || shouting
            || candidates.contains { isFine($0) }
        if !needsSupport {
            mention.resolved = candidates[0]
            return
        }
        mention.threshold = personLike ? 2 : 0.8
    }

    /// A local region or a second-level subdivision (French département, Italian province…).
    private func isFine(_ region: Int32) -> Bool {
        matcher.levels[Int(region)] == .local || matcher.depths[Int(region)] >= 2
    }

    /// Unique candidates without those that have another candidate above them ("Mexico": MX, not
    /// the state MX-MEX; "District of Columbia": US-DC, not its county-equivalent).
    func collapse(_ candidates: [Int32]) -> [Int32] {
        let unique = Array(Set(candidates)).sorted()
        guard unique.count > 1 else { return unique }
        let set = Set(unique)
        return unique.filter { candidate in !matcher.ancestors[Int(candidate)].contains(where: set.contains) }
    }

    /// A one-word, single-region subdivision name repeated in one text ("Iowa" three times in an
    /// Iowa bulletin) supports itself; a surname rarely repeats that often outside the author list.
    private func acceptFrequentNames(_ mentions: inout [Mention], fields: [EvidenceField]) {
        var counts: [Int: [Int32: Int]] = [:]
        for mention in mentions where mention.resolved == nil && mention.threshold == 0.8
            && mention.candidates.count == 1 && matcher.levels[Int(mention.candidates[0])] == .subdivision
            && matcher.depths[Int(mention.candidates[0])] == 1
        {
            counts[mention.stream, default: [:]][mention.candidates[0], default: 0] += 1
        }
        var frequent: Set<Int32> = []
        for (stream, regions) in counts where fields[stream] != .author {
            for (region, count) in regions where count >= 3 { frequent.insert(region) }
        }
        guard !frequent.isEmpty else { return }
        for index in mentions.indices where mentions[index].resolved == nil && mentions[index].threshold == 0.8 {
            if mentions[index].candidates.count == 1, frequent.contains(mentions[index].candidates[0]) {
                mentions[index].resolved = mentions[index].candidates[0]
            }
        }
    }
}
