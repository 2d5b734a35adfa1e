import AgriQAChatModel

/// Lists a section's atomic facts (validated JSON, retried once with the error).
public struct FactExtractor: Sendable {
    public enum Outcome: Sendable {
        case facts([Fact])
        case failed(String)
    }

    public let model: any ChatModel
    public var maximumFacts: Int
    public var maxSourceCharacters = 6_000

    public init(model: any ChatModel, maximumFacts: Int = 12) {
        self.model = model
        self.maximumFacts = maximumFacts
    }

    public func run(_ section: SourceSection, structure: SectionStructure) async -> Outcome {
        struct Reply: Decodable { var facts: [String] }
        let messages = FactPrompt.template.messages([
            "max": String(maximumFacts), "location": structure.location, "title": section.documentTitle,
            "section": section.section, "text": String(section.text.prefix(maxSourceCharacters)),
        ])
        let request = ChatRequest(messages: messages, temperature: 0, maxTokens: 800, jsonObject: true)
        do {
            let (result, _) = try await ModelStep.$current.withValue("facts") {
                try await JSONReply.ask(model, request, as: Reply.self) { reply in
                    guard reply.facts.contains(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else {
                        throw InvalidReply("\"facts\" is empty; list at least one fact stated in the text")
                    }
                }
            }
            switch result {
            case .success(let reply):
                let texts = reply.facts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                return .facts(texts.prefix(maximumFacts).enumerated().map { offset, text in
                    Fact(id: "\(section.id).f\(offset + 1)", sectionID: section.id, text: text)
                })
            case .failure(let failure):
                return .failed("invalid facts JSON after a retry: \(failure.error)")
            }
        } catch {
            return .failed("model call failed: \(error)")
        }
    }
}
