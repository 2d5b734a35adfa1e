import AgriQAChatModel

/// How the question retrieval ran with was made.
public enum RewriteMethod: String, Sendable, Codable, CaseIterable {
    /// No earlier turns, or the question stands alone: used as asked.
    case unchanged
    /// The chat model rewrote the follow-up.
    case model
    /// Words of the earlier questions were added to the follow-up.
    case heuristic
}

/// A question ready for retrieval.
public struct RewrittenQuestion: Sendable, Equatable {
    public var question: String
    public var method: RewriteMethod
    /// Set when the model failed (down, slow, broken): the caller should not ask it again for this
    /// request, and should say why.
    public var modelFailure: ChatModelError?

    public init(question: String, method: RewriteMethod, modelFailure: ChatModelError? = nil) {
        self.question = question
        self.method = method
        self.modelFailure = modelFailure
    }
}

/// Rewrites a follow-up ("what about in Iowa?", "how much nitrogen does it need?") into a question
/// that stands alone, so retrieval finds the right sources.
///
/// With a model: the model rewrites it, and the rewrite is used only when it is sane (one non-empty
/// line, not absurdly long, keeping most of the follow-up's own words). Otherwise, and without a
/// model, a heuristic: a short follow-up, or one that refers back, gets the salient words of the
/// previous questions it lacks ("what about in Iowa? (context: plant corn)").
public struct QuestionRewriter: Sendable {
    public var model: (any ChatModel)?
    public var maxTokens = 64
    /// Earlier turns shown to the model.
    public var historyTurns = 6
    /// Words of earlier questions added by the heuristic.
    public var maximumAddedWords = 6

    public init(model: (any ChatModel)?) {
        self.model = model
    }

    public func rewrite(_ question: String, history: [ChatMessage]) async throws(AnswerError) -> RewrittenQuestion {
        let question = question.trimmingWhitespace()
        guard history.contains(where: { $0.role == .user }) else {
            return RewrittenQuestion(question: question, method: .unchanged)
        }
        var failure: ChatModelError?
        if let model {
            do {
                let completion = try await model.complete(
                    ChatRequest(messages: messages(question: question, history: history), temperature: 0, maxTokens: maxTokens))
                if let rewritten = Self.validated(completion.content, original: question) {
                    return RewrittenQuestion(question: rewritten, method: rewritten == question ? .unchanged : .model)
                }
            } catch {
                guard error.warrantsFallback else { throw error == .cancelled ? .cancelled : .model(error) }
                failure = error
            }
        }
        if let expanded = Self.heuristic(question, history: history, maximumAddedWords: maximumAddedWords) {
            return RewrittenQuestion(question: expanded, method: .heuristic, modelFailure: failure)
        }
        return RewrittenQuestion(question: question, method: .unchanged, modelFailure: failure)
    }

    func messages(question: String, history: [ChatMessage]) -> [ChatMessage] {
        let turns = history.filter { $0.role != .system }.suffix(historyTurns).map { message in
            let speaker = message.role == .user ? "Farmer" : "Advisor"
            let text = PromptBuilder.flatten(message.content)
            return "\(speaker): \(text.count > 300 ? String(text.prefix(300)) + " …" : text)"
        }
        return [
            .system(
                """
                Rewrite the farmer's follow-up question so that it can be understood without the conversation: \
                add the crop, place or topic it refers to. Keep the farmer's wording. Reply with the question only, \
                on one line.
                """),
            .user(turns.joined(separator: "\n") + "\n\nFollow-up: \(PromptBuilder.flatten(question))\nStandalone question:"),
        ]
    }

    /// The model's rewrite when usable: first non-empty line, labels and quotes removed, between 3
    /// characters and a few times the original's length, and keeping at least half of the
    /// follow-up's content words.
    static func validated(_ reply: String, original: String) -> String? {
        guard var line = reply.split(whereSeparator: \.isNewline).map({ $0.trimmingWhitespace() }).first(where: { !$0.isEmpty })
        else { return nil }
        for label in ["standalone question:", "rewritten question:", "question:", "follow-up:"]
        where line.lowercased().hasPrefix(label) {
            line = String(line.dropFirst(label.count)).trimmingWhitespace()
        }
        line = line.trimming(charactersIn: "\"'“”‘’*`").trimmingWhitespace()
        guard line.count >= 3, line.count <= min(400, max(160, 4 * original.count)) else { return nil }
        let own = ContentTerms.uniqueTerms(original).map(\.stem)
        let kept = ContentTerms.uniqueTerms(line).map(\.stem)
        let retained = own.filter { ContentTerms.contains(kept, $0) }.count
        guard own.isEmpty || retained * 2 >= own.count, !kept.isEmpty else { return nil }
        return line
    }

    /// The follow-up with the salient words of the previous questions it lacks, or nil when it
    /// stands alone or there is nothing to add.
    public static func heuristic(_ question: String, history: [ChatMessage], maximumAddedWords: Int = 6) -> String? {
        guard looksLikeFollowUp(question) else { return nil }
        let present = ContentTerms.uniqueTerms(question).map(\.stem)
        var added: [ContentTerms.Term] = []
        for previous in history.filter({ $0.role == .user }).suffix(3).reversed() {
            for term in ContentTerms.uniqueTerms(previous.content)
            where !ContentTerms.contains(present, term.stem) && !added.contains(where: { ContentTerms.matches($0.stem, term.stem) }) {
                guard added.count < maximumAddedWords else { break }
                added.append(term)
            }
        }
        guard !added.isEmpty else { return nil }
        return "\(question) (context: \(added.map(\.word).joined(separator: " ")))"
    }

    /// Short (three content words or fewer), or referring back to something said before.
    static func looksLikeFollowUp(_ question: String) -> Bool {
        let words = ContentTerms.words(question)
        if ContentTerms.terms(question).count <= 3 { return true }
        if let first = words.first, ["and", "also", "but", "so", "then", "or"].contains(first) { return true }
        let text = words.joined(separator: " ")
        if ["what about", "how about", "what if", "same for", "and for"].contains(where: { text.hasPrefix($0) }) { return true }
        return words.contains { referringWords.contains($0) }
    }

    static let referringWords: Set<String> = [
        "it", "its", "they", "them", "their", "that", "this", "those", "these", "there", "he", "she", "him", "her",
        "same", "also", "too", "instead", "else", "former", "latter",
    ]
}

extension String {
    fileprivate func trimming(charactersIn set: String) -> String {
        var result = self[...]
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return String(result)
    }
}
