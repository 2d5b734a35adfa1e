import AgriQAChatModel

/// Step 1: asks the model for a section's location and topics (validated JSON); an invalid reply
/// is retried once with the error, then recorded and the section skipped.
public struct StructureStep: Sendable {
    public let model: any ChatModel
    public var maxSourceCharacters = 6_000

    public init(model: any ChatModel) {
        self.model = model
    }

    public func run(_ section: SourceSection) async -> SectionRecord {
        let messages = StructurePrompt.template.messages([
            "title": section.documentTitle, "section": section.section,
            "regions": section.regions.isEmpty ? "none" : section.regions.joined(separator: ", "),
            "text": String(section.text.prefix(maxSourceCharacters)),
        ])
        let request = ChatRequest(messages: messages, temperature: 0, maxTokens: 200, jsonObject: true)
        var record = SectionRecord(
            section: section, structure: nil, failure: nil, invalidReply: nil, attempts: 0,
            promptVersion: StructurePrompt.template.version)
        do {
            let (result, attempts) = try await ModelStep.$current.withValue("structure") {
                try await JSONReply.ask(model, request, as: SectionStructure.self) { try $0.validate() }
            }
            record.attempts = attempts
            switch result {
            case .success(var structure):
                structure.topics = structure.topics.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                structure.location = structure.location.trimmingCharacters(in: .whitespacesAndNewlines)
                record.structure = structure
            case .failure(let failure):
                record.failure = "invalid structure JSON after a retry: \(failure.error)"
                record.invalidReply = failure.reply
            }
        } catch {
            record.failure = "model call failed: \(error)"
        }
        return record
    }
}
