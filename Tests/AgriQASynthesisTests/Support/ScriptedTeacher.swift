import AgriQAAnswering
import AgriQAFakeChatServer
import AgriQASynthesis
import Foundation

/// Scripted replies for every prompt of synthesis and evaluation, chosen by the request's system
/// message: what a well-behaved model would answer, in the shapes the prompts ask for.
enum ScriptedTeacher {
    enum Kind: String, CaseIterable {
        case structure, sectionQuestions, facts, factQuestions, teacher
        case relevance, globalRelevance, coverage, fluency, correctness, succinctness, closedBook, other
    }

    /// Which prompt `request` was made from.
    static func kind(_ request: FakeChatRequest) -> Kind {
        let system = request.messages.first { $0.role == "system" }?.content ?? ""
        // Templates with slots in their system message are matched by their opening words.
        func starts(_ template: PromptTemplate) -> Bool {
            system == template.system || (template.system.contains("{{") && system.hasPrefix(String(template.system.prefix(60))))
        }
        if starts(StructurePrompt.template) { return .structure }
        if starts(QuestionPrompt.section) { return .sectionQuestions }
        if starts(QuestionPrompt.fact) { return .factQuestions }
        if starts(FactPrompt.template) { return .facts }
        if starts(JudgePrompts.relevance) { return .relevance }
        if starts(JudgePrompts.globalRelevance) { return .globalRelevance }
        if starts(JudgePrompts.coverage) { return .coverage }
        if starts(JudgePrompts.fluency) { return .fluency }
        if starts(JudgePrompts.correctness) { return .correctness }
        if starts(JudgePrompts.succinctness) { return .succinctness }
        if system == TeacherPrompt.closedBookSystem { return .closedBook }
        if system.hasPrefix("You are an agricultural extension advisor answering a farmer. Follow these rules") { return .teacher }
        return .other
    }

    /// The value of a `Name: value` line of the first user message (a retry's last one is the complaint).
    static func field(_ name: String, in request: FakeChatRequest) -> String {
        let text = request.messages.first { $0.role == "user" }?.content ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix(name + ": ") {
            return String(line.dropFirst(name.count + 2))
        }
        return ""
    }

    /// A word unique to a section path (its leaf heading's letters, plus a hash).
    static func tag(_ section: String) -> String {
        let leaf = section.components(separatedBy: " > ").last ?? section
        let letters = leaf.lowercased().filter(\.isLetter)
        let hash = section.unicodeScalars.reduce(UInt32(5381)) { ($0 &* 33) &+ $1.value } % 100_000
        return "\(letters.prefix(12))\(hash)"
    }

    static func reply(_ request: FakeChatRequest) -> FakeChatBehaviour {
        switch kind(request) {
        case .structure:
            return .reply(#"{"location": "Kenya", "topics": ["maize", "planting"]}"#)
        case .sectionQuestions:
            let tag = tag(field("Section", in: request))
            let seed = request.seed ?? 0
            let count = writeCount(request) ?? 3
            let questions = (1...3).prefix(count).map { "What does topic\(tag) advise for item\($0)x\(seed) and crop\($0)y\(seed)?" }
            return .reply(json(["questions": questions]))
        case .facts:
            let tag = tag(field("Section", in: request))
            return .reply(json(["facts": ["Fact alpha of \(tag).", "Fact beta of \(tag)."]]))
        case .factQuestions:
            let fact = field("Fact", in: request).filter { $0.isLetter || $0.isNumber || $0 == " " }
            return .reply(json(["questions": ["Which rule states \(fact) first?", "Where is \(fact) written down second?"]]))
        case .teacher:
            let system = request.messages.first?.content ?? ""
            if system.contains(TeacherPrompt.reasoningRule) {
                return .reply("Reasoning:\nSource [1] gives the planting time.\nAnswer:\nPlant maize when the long rains start [1].")
            }
            return .reply("Plant maize when the long rains start [1]. Space rows 75 cm apart [1].")
        case .relevance, .coverage, .globalRelevance, .fluency, .succinctness:
            return .reply(#"{"score": 4, "reason": "fine"}"#)
        case .correctness:
            return .reply(#"{"verdict": "correct", "reason": "matches"}"#)
        case .closedBook:
            return .reply("Plant maize at the start of the rains.")
        case .other:
            return .reply("unexpected prompt")
        }
    }

    /// N of a "Write N new questions." line.
    static func writeCount(_ request: FakeChatRequest) -> Int? {
        let text = request.messages.first { $0.role == "user" }?.content ?? ""
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("Write ") }) else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    static func json(_ object: [String: [String]]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
