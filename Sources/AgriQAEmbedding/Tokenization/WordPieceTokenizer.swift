/// BERT's WordPiece tokenizer: ``BasicTokenizer`` words split greedily into the longest
/// vocabulary pieces (continuations carry the `##` prefix), wrapped in `[CLS] … [SEP]` and
/// truncated to ``maxLength`` ids.
///
/// Matches Hugging Face `BertTokenizerFast` for single sentences, including its handling of
/// special tokens written literally in the text (`"a [SEP] b"` gives the `[SEP]` id, as there).
/// Load one from a model directory with ``load(directory:maxLength:)``.
public struct WordPieceTokenizer: Sendable {
    /// Token strings by id.
    public let vocabulary: [String]
    public let basic: BasicTokenizer
    /// Longest id sequence ``encode(_:)`` returns, `[CLS]` and `[SEP]` included.
    public let maxLength: Int
    public let classifierID: Int32
    public let separatorID: Int32
    public let unknownID: Int32
    public let paddingID: Int32
    public let continuingSubwordPrefix: String
    /// Words longer than this many scalars become `[UNK]`.
    public let maxInputCharactersPerWord: Int

    private let ids: [String: Int32]
    /// Special tokens matched verbatim in the raw text, before normalization.
    private let specialTokens: [(scalars: [Unicode.Scalar], id: Int32)]
    /// An upper bound on the scalar length of any piece, to skip impossible matches.
    private let longestPiece: Int

    /// - Parameters:
    ///   - vocabulary: token strings in id order.
    ///   - specialTokens: tokens recognised verbatim in raw text; defaults to the standard
    ///     BERT specials found in `vocabulary`.
    public init(
        vocabulary: [String], basic: BasicTokenizer = BasicTokenizer(), maxLength: Int = 512,
        unknownToken: String = "[UNK]", classifierToken: String = "[CLS]", separatorToken: String = "[SEP]",
        paddingToken: String = "[PAD]", continuingSubwordPrefix: String = "##",
        maxInputCharactersPerWord: Int = 100, specialTokens: [String]? = nil, source: String = "vocabulary"
    ) throws(TokenizerError) {
        guard maxLength >= 2 else { throw .invalidMaxLength(maxLength) }
        guard vocabulary.count < Int(Int32.max) else {
            throw .unreadableFile(path: source, detail: "\(vocabulary.count) tokens is more than ids can hold")
        }
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(vocabulary.count)
        var longest = 1
        for (index, token) in vocabulary.enumerated() where ids[token] == nil {
            ids[token] = Int32(index)
            longest = max(longest, token.unicodeScalars.count)
        }
        func id(_ token: String) throws(TokenizerError) -> Int32 {
            guard let id = ids[token] else { throw .missingSpecialToken(token: token, directory: source) }
            return id
        }
        self.vocabulary = vocabulary
        self.basic = basic
        self.maxLength = maxLength
        self.classifierID = try id(classifierToken)
        self.separatorID = try id(separatorToken)
        self.unknownID = try id(unknownToken)
        self.paddingID = ids[paddingToken] ?? 0
        self.continuingSubwordPrefix = continuingSubwordPrefix
        self.maxInputCharactersPerWord = maxInputCharactersPerWord
        self.ids = ids
        self.longestPiece = longest
        let specials = specialTokens ?? [paddingToken, unknownToken, classifierToken, separatorToken, "[MASK]"]
        self.specialTokens = specials
            .compactMap { token in ids[token].map { (Array(token.unicodeScalars), $0) } }
            .filter { !$0.0.isEmpty }
            .sorted { $0.0.count > $1.0.count }  // longest match first
    }

    /// The id of `token`, if it is in the vocabulary.
    public func id(of token: String) -> Int32? { ids[token] }

    /// `[CLS]`, the word-piece ids of `text` (truncated to fit), `[SEP]`.
    public func encode(_ text: String) -> [Int32] {
        var result: [Int32] = [classifierID]
        result.reserveCapacity(min(maxLength, text.utf8.count / 3 + 2))
        appendPieces(of: text, to: &result, limit: maxLength - 1)
        result.append(separatorID)
        return result
    }

    /// The word-piece strings of `text`, without special tokens or truncation (for inspection).
    public func tokenize(_ text: String) -> [String] {
        var pieces: [Int32] = []
        appendPieces(of: text, to: &pieces, limit: Int.max)
        return pieces.map { vocabulary[Int($0)] }
    }

    /// Appends ids until `ids.count == limit` or the text ends.
    private func appendPieces(of text: String, to ids: inout [Int32], limit: Int) {
        for segment in splitOnSpecialTokens(text) {
            guard ids.count < limit else { return }
            switch segment {
            case let .special(id):
                ids.append(id)
            case let .text(scalars):
                for word in basic.tokenize(String(String.UnicodeScalarView(scalars))) {
                    guard ids.count < limit else { return }
                    appendWordPieces(of: word, to: &ids, limit: limit)
                }
            }
        }
    }

    /// Greedy longest-match-first split of one word; the whole word is `[UNK]` when any part
    /// of it cannot be matched or it is too long.
    private func appendWordPieces(of word: String, to ids: inout [Int32], limit: Int) {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count <= maxInputCharactersPerWord else {
            ids.append(unknownID)
            return
        }
        var pieces: [Int32] = []
        var start = 0
        while start < scalars.count {
            var end = min(scalars.count, start + longestPiece)
            var match: Int32?
            while start < end {
                var candidate = String.UnicodeScalarView()
                if start > 0 { candidate.append(contentsOf: continuingSubwordPrefix.unicodeScalars) }
                candidate.append(contentsOf: scalars[start..<end])
                if let id = self.ids[String(candidate)] {
                    match = id
                    break
                }
                end -= 1
            }
            guard let match else {
                ids.append(unknownID)
                return
            }
            pieces.append(match)
            start = end
        }
        ids.append(contentsOf: pieces.prefix(limit - ids.count))
    }

    private enum Segment {
        case text(ArraySlice<Unicode.Scalar>)
        case special(Int32)
    }

    /// Cuts out special tokens written literally in the raw text, as `tokenizers` does for
    /// added tokens that are not normalized.
    private func splitOnSpecialTokens(_ text: String) -> [Segment] {
        let scalars = Array(text.unicodeScalars)
        guard !specialTokens.isEmpty else { return [.text(scalars[...])] }
        var segments: [Segment] = []
        var textStart = 0
        var index = 0
        scan: while index < scalars.count {
            for (token, id) in specialTokens where scalars[index] == token[0] && index + token.count <= scalars.count {
                if scalars[index..<(index + token.count)].elementsEqual(token) {
                    if textStart < index { segments.append(.text(scalars[textStart..<index])) }
                    segments.append(.special(id))
                    index += token.count
                    textStart = index
                    continue scan
                }
            }
            index += 1
        }
        if textStart < scalars.count { segments.append(.text(scalars[textStart...])) }
        return segments
    }
}
