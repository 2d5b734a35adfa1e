import AgriQAAnswering
import AgriQAChatModel
import AgriQADomain
import AgriQAGeography
import AgriQARetrieval

/// Step 3: the teacher model answers a question from retrieved sources, with the answer
/// service's grounded prompt (``PromptBuilder``), optionally reasoning first.
///
/// Retrieval runs for the question at the section's region; when no chunk of the section the
/// question was written from is among the sources, the section's first chunk replaces the last
/// source, so the evidence the question came from is always in front of the teacher.
public struct TeacherAnswerer: Sendable {
    public enum Outcome: Sendable {
        case answered(TeacherAnswer)
        /// The teacher said the sources do not answer the question: no example is made.
        case unanswerable
        case failed(String)
    }

    public let model: any ChatModel
    public let searcher: HybridSearcher
    public let gazetteer: Gazetteer
    public var sources: Int
    public var reasoning: Bool
    public var format: PromptFormat
    public var maxTokens: Int

    public init(
        model: any ChatModel, searcher: HybridSearcher, gazetteer: Gazetteer, sources: Int = 4, reasoning: Bool = false,
        format: PromptFormat = .rag, maxTokens: Int? = nil
    ) {
        self.model = model
        self.searcher = searcher
        self.gazetteer = gazetteer
        self.sources = sources
        self.reasoning = reasoning
        self.format = format
        self.maxTokens = maxTokens ?? (reasoning ? 700 : 400)
    }

    static let unanswerableMarker = "sources do not answer"

    public func answer(_ question: String, section: SourceSection) async -> Outcome {
        let location = section.regions.first.flatMap { gazetteer.region(RegionCode($0)) }
        let hits: [SearchHit]
        do {
            hits = try await searcher.search(question, location: location, options: SearchOptions(k: sources)).hits
        } catch {
            return .failed("retrieval failed: \(error)")
        }
        var numbered = hits.enumerated().map { AnswerSource(hit: $1, number: $0 + 1) }
        if !hits.contains(where: { section.chunkIDs.contains($0.chunkID) }), let own = sectionSource(section) {
            if numbered.count >= sources { numbered.removeLast() }
            numbered.append(own)
            for index in numbered.indices { numbered[index].citation.number = index + 1 }
        }
        let builder = PromptBuilder(regionStatement: RegionStatement(gazetteer: gazetteer))
        let prompt = builder.messages(question: question, sources: numbered, location: location)
        var teacherPrompt = prompt
        if reasoning, let system = teacherPrompt.first {
            teacherPrompt[0] = .system(system.content + "\n" + TeacherPrompt.reasoningRule)
        }
        let completion: ChatCompletion
        do {
            completion = try await ModelStep.$current.withValue("answer") {
                try await model.complete(ChatRequest(messages: teacherPrompt, temperature: 0.2, maxTokens: maxTokens))
            }
        } catch {
            return .failed("teacher model call failed: \(error)")
        }
        let (chain, finalText) = reasoning ? Self.splitReasoning(completion.content) : (nil, completion.content)
        let check = CitationChecker.check(finalText.trimmingCharacters(in: .whitespacesAndNewlines), sourceCount: numbered.count)
        let answer = check.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if answer.isEmpty { return .failed("the teacher's answer is empty") }
        if answer.lowercased().contains(Self.unanswerableMarker) { return .unanswerable }
        if completion.finishReason == "length" { return .failed("the teacher's answer was cut off at \(maxTokens) tokens") }

        let assistant: String
        let messages: [ChatMessage]
        switch format {
        case .rag:
            assistant = chain.map { "Reasoning:\n\($0)\n\nAnswer:\n\(answer)" } ?? answer
            messages = prompt + [.assistant(assistant)]
        case .closedBook:
            let plain = Self.removingMarkers(answer)
            assistant = chain.map { "Reasoning:\n\(Self.removingMarkers($0))\n\nAnswer:\n\(plain)" } ?? plain
            messages = [.system(TeacherPrompt.closedBookSystem), .user(question), .assistant(assistant)]
        }
        let sources = numbered.map { source in
            TeacherSource(
                number: source.number, chunkID: source.citation.chunkID, documentID: source.citation.documentID,
                title: source.citation.title, section: source.citation.section, pageStart: source.citation.pageStart,
                pageEnd: source.citation.pageEnd, fromSection: section.chunkIDs.contains(source.citation.chunkID))
        }
        return .answered(
            TeacherAnswer(
                messages: messages, answer: answer, reasoning: chain, sources: sources, cited: check.used,
                model: completion.model.isEmpty ? model.modelID : completion.model))
    }

    /// The section's first chunk as a source.
    private func sectionSource(_ section: SourceSection) -> AnswerSource? {
        guard let chunkID = section.chunkIDs.first,
            let detail = try? searcher.index.chunkDetails([chunkID])[chunkID]
        else { return nil }
        let citation = Citation(
            number: 0, chunkID: chunkID, documentID: detail.documentID, title: detail.title, path: detail.path,
            pageLabel: detail.pageLabel, pageStart: detail.pageStart, pageEnd: detail.pageEnd, section: detail.section,
            snippet: String(detail.text.prefix(160)), regions: detail.regions.map(\.code))
        return AnswerSource(citation: citation, text: detail.text)
    }

    /// "Reasoning: … Answer: …" → (reasoning, answer). Without an "Answer:" line the whole reply
    /// is the answer and there is no chain.
    static func splitReasoning(_ text: String) -> (String?, String) {
        guard let marker = text.range(of: "Answer:", options: [.backwards, .caseInsensitive]) else { return (nil, text) }
        var chain = String(text[..<marker.lowerBound])
        if let label = chain.range(of: "Reasoning:", options: .caseInsensitive) { chain = String(chain[label.upperBound...]) }
        let trimmed = chain.trimmingCharacters(in: .whitespacesAndNewlines)
        return (trimmed.isEmpty ? nil : trimmed, String(text[marker.upperBound...]))
    }

    /// The text without `[n]` markers (closed-book answers have no sources to cite).
    static func removingMarkers(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "[", let close = text[index...].firstIndex(of: "]"),
                text[text.index(after: index)..<close].allSatisfy({ $0.isNumber || $0 == "," || $0 == " " || $0 == "-" || $0 == "–" }),
                close > text.index(after: index)
            {
                if result.last == " " { result.removeLast() }
                index = text.index(after: close)
                continue
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
