/// Reading the words around a name: institutions, designations, people's names.
extension MentionResolver {
    /// A short name in capitals amid ordinary text: an acronym, not the place.
    func isIsolatedCapitals(_ stream: TokenStream, _ start: Int, _ end: Int) -> Bool {
        guard stream.casing[start].contains(.allUpper) else { return false }
        let before = start > 0 && stream.casing[start - 1].contains(.allUpper)
        let after = end < stream.count && stream.casing[end].contains(.allUpper)
        return !before && !after
    }

    /// "<place> [State] University|Extension|…" or "Ministry|University … of|de <place>".
    func isInstitution(_ stream: TokenStream, _ start: Int, _ end: Int) -> Bool {
        let ids = stream.ids
        var position = end
        // The name continues on the same line: "Washington State University Extension", but not
        // "…, Surrey, UK\n2 Department of …" (the next affiliation).
        while position < min(end + 3, ids.count) {
            if !stream.gaps[position].isDisjoint(with: [.sentenceEnd, .lineBreak, .comma, .openParen]) { break }
            if ids[position] < 0 && stream.casing[position].contains(.uncased) { break }  // "2": a footnote
            if matcher.institutionWords.contains(ids[position]) { return true }
            position += 1
        }
        var link = start - 1
        if link >= 1, matcher.articles.contains(ids[link]) { link -= 1 }  // "of the Gambia"
        guard link >= 0, matcher.linkingWords.contains(ids[link]) else { return false }
        return institutionWordBefore(stream, link + 1)
    }

    /// "Ministry of Agriculture, Livestock and Fisheries, Kenya": a place after a comma that ends
    /// an institution's name.
    func isAffiliation(_ stream: TokenStream, _ start: Int) -> Bool {
        start > 0 && stream.gaps[start].contains(.comma) && institutionWordBefore(stream, start)
    }

    func institutionWordBefore(_ stream: TokenStream, _ start: Int) -> Bool {
        var back = start - 1
        while back >= max(0, start - 7) {
            if !stream.gaps[back + 1].isDisjoint(with: [.sentenceEnd, .paragraph]) { return false }
            if matcher.institutionWords.contains(stream.ids[back]) { return true }
            back -= 1
        }
        return false
    }

    /// "Washington State", "Central Region", "State of Washington", "estado do Acre".
    func isDesignated(_ stream: TokenStream, _ start: Int, _ end: Int) -> Bool {
        let ids = stream.ids
        if end < ids.count, matcher.designationsAfter.contains(ids[end]),
            stream.gaps[end].isDisjoint(with: [.sentenceEnd, .paragraph, .comma])
        {
            return true
        }
        var before = start - 1
        while before >= 0 && before >= start - 2
            && (matcher.linkingWords.contains(ids[before]) || matcher.articles.contains(ids[before]))
        {
            before -= 1
        }
        if before >= 0, before < start - 1, matcher.designationsBefore.contains(ids[before]),
            !stream.hasBreak(from: before + 1, through: start)
        {
            return true
        }
        return false
    }

    /// "Moyo et al.", "Rivas 2019", "Rossi, V.", "J. Rivas": a person's name.
    func isPersonContext(_ stream: TokenStream, _ start: Int, _ end: Int) -> Bool {
        if end + 1 < stream.count, stream.ids[end] == matcher.etWord, stream.ids[end + 1] == matcher.alWord {
            return true
        }
        if end < stream.count, stream.isYear(end), stream.gaps[end].isDisjoint(with: [.sentenceEnd, .paragraph]) {
            return true
        }
        if end < stream.count, stream.isInitial(end), stream.gaps[end].contains(.comma) {
            return true
        }
        if start > 0, stream.isInitial(start - 1), stream.gaps[start].contains(.sentenceEnd) {
            return true
        }
        return false
    }
}
