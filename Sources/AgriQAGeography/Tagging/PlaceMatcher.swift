import AgriQADomain

/// What a phrase in the matcher stands for.
enum PhraseKind: UInt8, Sendable {
    /// The name or alias of one or more regions.
    case place
    /// An institution tied to one region ("University of Georgia", "USDA").
    case institution
    /// A false friend or a person ("Colorado potato beetle", "George Washington"): masked.
    case mask
}

/// One phrase (word sequence) the matcher recognises.
struct Phrase: Sendable {
    var kind: PhraseKind
    /// Regions (gazetteer indices) answering to the phrase.
    var regions: [Int32]
    var tokenCount: Int
    /// Letters in the folded phrase, without spaces.
    var foldedLength: Int
    /// An ordinary word or phrase ("Central", "Est", "para"): needs a designation to count.
    var common: Bool
    /// Written in capitals in the gazetteer ("USA", "UK", "USDA"): only matches capitals.
    var acronym: Bool
    /// Also a common personal name ("Washington", "Jordan").
    var personLike: Bool
    /// An ordinary word in English texts only ("Chili").
    var englishCommon: Bool
    /// One word, or starting like a street or surname ("Saint …", "Bel …"): as a subdivision
    /// name it needs support (see `MentionResolver`).
    var weakForm: Bool
    /// For a common word that some region writes with diacritics ("Pará"): those lowercase
    /// spellings, which are not the common word.
    var accentedForms: Set<String>
}

/// A dictionary of every name, alias, institution and false friend, as a trie over word ids,
/// plus per-region facts (ancestors, level) the resolver needs. Built once per `GeoTagger`.
/// Lookup is one dictionary probe per word: no per-region scan, no regular expressions.
struct PlaceMatcher: Sendable {
    private var vocabulary = WordTable(capacity: 65_536)
    /// (node << 32 | word id) → child node. Node 0 is the root.
    private var edges: [UInt64: Int32] = [:]
    /// Node → phrase index, or -1.
    private var payload: [Int32] = [-1]
    private(set) var phrases: [Phrase] = []
    private var longestWord = 0

    let codes: [RegionCode]
    let levels: [RegionLevel]
    /// Loaded ancestors of each region, nearest first.
    let ancestors: [[Int32]]
    /// 0 for countries, 1 for first-level subdivisions, 2 for second-level ones or districts…
    let depths: [UInt8]
    /// Subdivision code suffix as a word id ("mt" for BR-MT, US-MT) → those subdivisions, plus
    /// the country with that alpha-2 code.
    private(set) var codeSuffixes: [Int32: [Int32]] = [:]

    private(set) var institutionWords: Set<Int32> = []
    private(set) var linkingWords: Set<Int32> = []
    private(set) var articles: Set<Int32> = []
    private(set) var englishWords: Set<Int32> = []
    private(set) var romanceWords: Set<Int32> = []
    private(set) var designationsAfter: Set<Int32> = []
    private(set) var designationsBefore: Set<Int32> = []
    private(set) var directions: Set<Int32> = []
    private(set) var ofWord: Int32 = -1
    private(set) var inWord: Int32 = -1
    private(set) var etWord: Int32 = -1
    private(set) var alWord: Int32 = -1

    init(gazetteer: Gazetteer) {
        let regions = gazetteer.storage
        codes = regions.map(\.code)
        levels = regions.map(\.level)
        var ancestors: [[Int32]] = []
        ancestors.reserveCapacity(regions.count)
        for index in regions.indices {
            ancestors.append(gazetteer.ancestorIndices(of: index).map(Int32.init))
        }
        self.ancestors = ancestors
        depths = ancestors.map { UInt8(min($0.count, 255)) }

        for (index, region) in regions.enumerated() {
            for name in [region.name] + region.aliases {
                add(name, kind: .place, region: Int32(index))
            }
        }
        for entry in KnownInstitutions.entries {
            guard let index = gazetteer.index(of: RegionCode(entry.region)) else { continue }
            add(entry.name, kind: .institution, region: Int32(index))
        }
        for phrase in FalseFriends.phrases {
            add(phrase, kind: .mask, region: nil)
        }
        for (index, region) in regions.enumerated() where region.level != .local {
            let raw = region.code.rawValue
            let suffix: Substring
            if let dash = raw.firstIndex(of: "-") {
                suffix = raw[raw.index(after: dash)...]
            } else {
                suffix = Substring(raw)
            }
            let id = wordID(FoldingTokenizer.key(String(suffix)))
            codeSuffixes[id, default: []].append(Int32(index))
        }
        institutionWords = Set(TaggingVocabulary.institutionWords.map { wordID($0) })
        linkingWords = Set(TaggingVocabulary.linkingWords.map { wordID($0) })
        articles = Set(TaggingVocabulary.articles.map { wordID($0) })
        englishWords = Set(TaggingVocabulary.englishFunctionWords.map { wordID($0) })
        romanceWords = Set(TaggingVocabulary.romanceFunctionWords.map { wordID($0) })
        designationsAfter = Set(TaggingVocabulary.designationsAfter.map { wordID($0) })
        designationsBefore = Set(TaggingVocabulary.designationsBefore.map { wordID($0) })
        directions = Set(TaggingVocabulary.directions.map { wordID($0) })
        ofWord = wordID("of")
        inWord = wordID("in")
        etWord = wordID("et")
        alWord = wordID("al")
    }

    // MARK: - Building

    private mutating func wordID(_ word: String) -> Int32 {
        longestWord = max(longestWord, word.utf8.count)
        return vocabulary.insert(Array(word.utf8))
    }

    private mutating func add(_ text: String, kind: PhraseKind, region: Int32?) {
        var tokens: [String] = []
        var originals: [String] = []
        var tokenizer = FoldingTokenizer()
        let utf8 = Array(text.utf8)
        tokenizer.forEachToken(in: text) { bytes, info in
            tokens.append(String(decoding: bytes, as: UTF8.self))
            originals.append(String(decoding: utf8[info.start..<info.end], as: UTF8.self).lowercased())
        }
        guard !tokens.isEmpty else { return }
        var node: Int32 = 0
        for token in tokens {
            let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: wordID(token)))
            if let child = edges[key] {
                node = child
            } else {
                let child = Int32(payload.count)
                payload.append(-1)
                edges[key] = child
                node = child
            }
        }
        let folded = tokens.joined(separator: " ")
        let letters = text.filter(\.isLetter)
        let acronym = kind != .mask && letters.count <= 5 && letters.count >= 2
            && letters.allSatisfy { $0.isUppercase }
        let common = tokens.count == 1
            ? TaggingVocabulary.commonWords.contains(folded) : TaggingVocabulary.commonPhrases.contains(folded)
        let accented = tokens.count == 1 && originals[0] != tokens[0] ? [originals[0]] : Set<String>()
        let existing = payload[Int(node)]
        if existing < 0 {
            payload[Int(node)] = Int32(phrases.count)
            phrases.append(
                Phrase(
                    kind: kind, regions: region.map { [$0] } ?? [], tokenCount: tokens.count,
                    foldedLength: folded.utf8.count - (tokens.count - 1), common: common, acronym: acronym,
                    personLike: TaggingVocabulary.personLikeNames.contains(folded),
                    englishCommon: TaggingVocabulary.englishCommonWords.contains(folded),
                    weakForm: tokens.count == 1 || TaggingVocabulary.placeNamePrefixes.contains(tokens[0]),
                    accentedForms: accented))
            return
        }
        var phrase = phrases[Int(existing)]
        switch (phrase.kind, kind) {
        case (.mask, _):
            return
        case (_, .mask):
            phrase.kind = .mask
            phrase.regions = []
        case (.institution, .place):
            return
        case (.place, .institution):
            phrase.kind = .institution
            phrase.regions = region.map { [$0] } ?? []
            phrase.acronym = acronym
        default:
            if let region, !phrase.regions.contains(region) { phrase.regions.append(region) }
            // A name spelled in capitals by one source and normally by another is not an acronym.
            phrase.acronym = phrase.acronym && acronym
            phrase.accentedForms.formUnion(accented)
        }
        phrases[Int(existing)] = phrase
    }

    // MARK: - Matching

    /// Folds `text` into word ids; words seen in lowercase are added to `lowercaseWords` (the
    /// document's own evidence that a word is an ordinary word).
    func tokenize(_ text: String, lowercaseWords: inout Set<Int32>) -> TokenStream {
        var stream = TokenStream(text: text)
        let estimate = text.utf8.count / 6
        stream.ids.reserveCapacity(estimate)
        stream.casing.reserveCapacity(estimate)
        stream.gaps.reserveCapacity(estimate)
        stream.starts.reserveCapacity(estimate)
        stream.ends.reserveCapacity(estimate)
        stream.shapes.reserveCapacity(estimate)
        var tokenizer = FoldingTokenizer()
        let longest = longestWord
        tokenizer.forEachToken(in: text) { bytes, info in
            var id: Int32 = -1
            if bytes.count <= longest {
                id = vocabulary.id(of: bytes)
            }
            // A lowercase use in prose marks a common word ("turkey"); one glued to "/", ".", "@"
            // or "-" is part of a URL or address ("fao.org/fao-in-nigeria") and says nothing.
            if id >= 0 && info.casing.isDisjoint(with: [.firstUpper, .uncased])
                && info.gapBefore.isDisjoint(with: [.slash, .dash, .other, .sentenceEnd])
            {
                lowercaseWords.insert(id)
            }
            if info.casing.isDisjoint(with: [.allUpper, .uncased]) { stream.hasLowercase = true }
            stream.ids.append(id)
            stream.casing.append(info.casing)
            stream.gaps.append(info.gapBefore)
            stream.starts.append(Int32(info.start))
            stream.ends.append(Int32(info.end))
            stream.shapes.append(TokenShape(bytes: bytes, casing: info.casing))
        }
        return stream
    }

    /// Leftmost-longest phrase matches, in order; masked spans are consumed and not reported.
    func forEachMatch(in stream: TokenStream, _ body: (_ start: Int, _ end: Int, _ phrase: Int) -> Void) {
        let ids = stream.ids
        var index = 0
        while index < ids.count {
            var node: Int32 = 0
            var position = index
            var bestEnd = -1
            var bestPhrase: Int32 = -1
            while position < ids.count {
                let id = ids[position]
                if id < 0 { break }
                let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
                guard let child = edges[key] else { break }
                node = child
                position += 1
                let phrase = payload[Int(node)]
                if phrase >= 0 {
                    bestEnd = position
                    bestPhrase = phrase
                }
            }
            if bestEnd > index {
                if phrases[Int(bestPhrase)].kind != .mask {
                    body(index, bestEnd, Int(bestPhrase))
                }
                index = bestEnd
            } else {
                index += 1
            }
        }
    }

    /// Id of a folded word, or -1 when it is not in the vocabulary.
    func id(of word: String) -> Int32 { vocabulary.id(of: word) }
}
