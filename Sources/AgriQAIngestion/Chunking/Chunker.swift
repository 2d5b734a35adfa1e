/// Cuts a document's blocks into token-bounded chunks that follow its structure: a chunk never spans two
/// sections (a heading always starts a new chunk), prefers to end at a paragraph, otherwise at a sentence,
/// and splits inside a sentence only when the sentence alone exceeds the limit.
public struct Chunker: Sendable {
    public var options: ChunkingOptions

    public init(options: ChunkingOptions = .default) {
        self.options = options
    }

    private struct Piece {
        var text: String
        var tokens: Int
        var page: Int
        var startsParagraph: Bool
    }

    public func chunk(_ blocks: [TextBlock]) -> [ChunkDraft] {
        var chunks: [ChunkDraft] = []
        var path: [(level: Int, title: String)] = []
        var pending: [Piece] = []
        var pendingTokens = 0

        func emit(carryOverlap: Bool) {
            guard !pending.isEmpty else { return }
            let sectionPath = path.map(\.title)
            if pendingTokens < options.minTokens, var previous = chunks.last, previous.sectionPath == sectionPath,
                previous.tokenCount + pendingTokens <= options.maxTokens
            {
                previous.text += (pending[0].startsParagraph ? "\n\n" : " ") + render(pending)
                previous.tokenCount += pendingTokens
                previous.pageEnd = max(previous.pageEnd, pending.map(\.page).max() ?? previous.pageEnd)
                chunks[chunks.count - 1] = previous
            } else {
                chunks.append(
                    ChunkDraft(
                        ordinal: chunks.count, text: render(pending), sectionPath: sectionPath,
                        pageStart: pending.map(\.page).min() ?? 0, pageEnd: pending.map(\.page).max() ?? 0,
                        tokenCount: pendingTokens))
            }
            var carried: [Piece] = []
            if carryOverlap, options.overlapTokens > 0 {
                var budget = options.overlapTokens
                for piece in pending.reversed() where piece.tokens <= budget {
                    budget -= piece.tokens
                    carried.insert(piece, at: 0)
                }
                // Carrying everything would repeat the whole chunk.
                if carried.count == pending.count { carried = [] }
            }
            pending = carried
            pendingTokens = carried.reduce(0) { $0 + $1.tokens }
        }

        func add(_ piece: Piece) {
            if pendingTokens + piece.tokens > options.maxTokens, !pending.isEmpty { emit(carryOverlap: true) }
            pending.append(piece)
            pendingTokens += piece.tokens
        }

        for block in blocks {
            switch block.kind {
            case .heading(let level):
                emit(carryOverlap: false)
                pending = []
                pendingTokens = 0
                while let last = path.last, last.level >= level { path.removeLast() }
                path.append((level, block.text))
            case .paragraph:
                let paragraphTokens = TokenEstimator.count(block.text)
                if pendingTokens + paragraphTokens > options.maxTokens, pendingTokens >= options.minTokens {
                    emit(carryOverlap: true)
                }
                var first = true
                for sentence in SentenceSplitter.splitWithOffsets(block.text) {
                    let page = block.page(at: sentence.offset)
                    for part in splitOversized(sentence.text) {
                        add(Piece(text: part, tokens: TokenEstimator.count(part), page: page, startsParagraph: first))
                        first = false
                    }
                }
            }
        }
        emit(carryOverlap: false)
        return chunks
    }

    /// Joins pieces: sentences of one paragraph with a space, paragraphs with a blank line.
    private func render(_ pieces: [Piece]) -> String {
        var text = ""
        for piece in pieces {
            if !text.isEmpty { text += piece.startsParagraph ? "\n\n" : " " }
            text += piece.text
        }
        return text
    }

    /// A sentence longer than the limit is cut between words.
    private func splitOversized(_ sentence: String) -> [String] {
        guard TokenEstimator.count(sentence) > options.maxTokens else { return [sentence] }
        var parts: [String] = []
        var current: [Substring] = []
        var tokens = 0
        for word in sentence.split(separator: " ") {
            let wordTokens = TokenEstimator.count(word)
            if tokens + wordTokens > options.maxTokens, !current.isEmpty {
                parts.append(current.joined(separator: " "))
                current = []
                tokens = 0
            }
            current.append(word)
            tokens += wordTokens
        }
        if !current.isEmpty { parts.append(current.joined(separator: " ")) }
        return parts
    }
}
