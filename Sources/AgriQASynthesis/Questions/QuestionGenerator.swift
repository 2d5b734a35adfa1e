import AgriQAChatModel

/// Step 2: questions about a section (tokens mode) or about one fact (facts mode), with the
/// structure step's location and topics as context. Invalid JSON is retried once.
public struct QuestionGenerator: Sendable {
    public enum Outcome: Sendable {
        case questions([String])
        case failed(String)
    }

    public let model: any ChatModel
    /// Sampling temperature: some variety is wanted between rounds.
    public var temperature: Double
    public var maxSourceCharacters = 6_000

    public init(model: any ChatModel, temperature: Double = 0.7) {
        self.model = model
        self.temperature = temperature
    }

    /// `count` new questions about `section`, told not to repeat `previous`. `seed` varies per
    /// round so that each round is a different (cacheable) request.
    public func questions(
        about section: SourceSection, structure: SectionStructure, count: Int, previous: [String], seed: Int
    ) async -> Outcome {
        let messages = QuestionPrompt.section.messages([
            "location": structure.location, "topics": structure.topics.joined(separator: ", "),
            "title": section.documentTitle, "section": section.section,
            "text": String(section.text.prefix(maxSourceCharacters)),
            "previous": previous.isEmpty ? "(none)" : previous.map { "- \($0)" }.joined(separator: "\n"),
            "count": String(count),
        ])
        return await ask(messages, count: count, seed: seed)
    }

    /// `count` questions answered by `fact`.
    public func questions(about fact: Fact, in section: SourceSection, structure: SectionStructure, count: Int) async -> Outcome {
        let messages = QuestionPrompt.fact.messages([
            "location": structure.location, "topics": structure.topics.joined(separator: ", "),
            "title": section.documentTitle, "section": section.section, "fact": fact.text, "count": String(count),
        ])
        return await ask(messages, count: count, seed: 0)
    }

    private func ask(_ messages: [ChatMessage], count: Int, seed: Int) async -> Outcome {
        struct Reply: Decodable { var questions: [String] }
        let request = ChatRequest(
            messages: messages, temperature: temperature, maxTokens: 80 * count + 60, seed: seed, jsonObject: true)
        do {
            let (result, _) = try await ModelStep.$current.withValue("questions") {
                try await JSONReply.ask(model, request, as: Reply.self) { reply in
                    guard reply.questions.contains(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else {
                        throw InvalidReply("\"questions\" is empty; write \(count) questions")
                    }
                }
            }
            switch result {
            case .success(let reply):
                let cleaned = reply.questions.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                return .questions(Array(cleaned.prefix(count)))
            case .failure(let failure):
                return .failed("invalid questions JSON after a retry: \(failure.error)")
            }
        } catch {
            return .failed("model call failed: \(error)")
        }
    }
}
