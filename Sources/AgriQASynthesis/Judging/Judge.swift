import AgriQAChatModel

/// Asks a judge model to grade with one of ``JudgePrompts``: a 1–5 score or a correctness
/// verdict, as validated JSON (an invalid reply is retried once with the error, then left
/// unscored). Temperature 0, so a cached grade is the grade the judge gives.
public struct Judge: Sendable {
    /// A three-way correctness verdict.
    public enum Verdict: String, Sendable, Codable, CaseIterable {
        case correct, partial, incorrect

        /// 1, 0.5, 0.
        public var score: Double {
            switch self {
            case .correct: 1
            case .partial: 0.5
            case .incorrect: 0
            }
        }

        /// Accepts "correct", "partial", "partially correct", "incorrect", "wrong", in any case.
        public init?(text: String) {
            let folded = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
            if folded.hasPrefix("partial") {
                self = .partial
            } else if folded == "correct" {
                self = .correct
            } else if folded == "incorrect" || folded == "wrong" || folded == "not correct" {
                self = .incorrect
            } else {
                return nil
            }
        }
    }

    /// A grade, or why there is none.
    public struct Grade<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
        public var value: Value?
        public var reason: String?
        /// Set when the judge could not grade (invalid reply twice, model failure).
        public var error: String?
    }

    public let model: any ChatModel

    public init(model: any ChatModel) {
        self.model = model
    }

    public var modelID: String { model.modelID }

    /// A 1–5 score with `template` (one of the score prompts).
    public func score(_ template: PromptTemplate, _ values: [String: String]) async -> Grade<Int> {
        struct Reply: Decodable {
            var score: Int
            var reason: String?
            init(from decoder: any Decoder) throws {
                enum Keys: String, CodingKey { case score, reason }
                let container = try decoder.container(keyedBy: Keys.self)
                reason = try container.decodeIfPresent(String.self, forKey: .reason)
                // Judges write 4, 4.0 or "4".
                if let whole = try? container.decode(Int.self, forKey: .score) {
                    score = whole
                } else if let number = try? container.decode(Double.self, forKey: .score), number.rounded() == number {
                    score = Int(number)
                } else {
                    let text = try container.decode(String.self, forKey: .score)
                    guard let parsed = Int(text.trimmingCharacters(in: .whitespaces)) else {
                        throw InvalidReply("\"score\" must be a whole number from 1 to 5")
                    }
                    score = parsed
                }
            }
        }
        let result = await ask(template, values, as: Reply.self) { reply in
            guard (1...5).contains(reply.score) else { throw InvalidReply("\"score\" must be from 1 to 5, not \(reply.score)") }
        }
        switch result {
        case .success(let reply): return Grade(value: reply.score, reason: reply.reason)
        case .failure(let error): return Grade(value: nil, reason: nil, error: error)
        }
    }

    /// A correctness verdict with ``JudgePrompts/correctness``.
    public func verdict(question: String, reference: String, answer: String) async -> Grade<Verdict> {
        struct Reply: Decodable {
            var verdict: String
            var reason: String?
        }
        let values = ["question": question, "reference": reference, "answer": answer]
        let result = await ask(JudgePrompts.correctness, values, as: Reply.self) { reply in
            guard Verdict(text: reply.verdict) != nil else {
                throw InvalidReply("\"verdict\" must be \"correct\", \"partial\" or \"incorrect\", not \"\(reply.verdict)\"")
            }
        }
        switch result {
        case .success(let reply): return Grade(value: Verdict(text: reply.verdict), reason: reply.reason)
        case .failure(let error): return Grade(value: nil, reason: nil, error: error)
        }
    }

    private enum Asked<T> {
        case success(T)
        case failure(String)
    }

    private func ask<T: Decodable>(
        _ template: PromptTemplate, _ values: [String: String], as type: T.Type, validate: (T) throws -> Void
    ) async -> Asked<T> {
        let request = ChatRequest(messages: template.messages(values), temperature: 0, maxTokens: 120, jsonObject: true)
        do {
            let (result, _) = try await ModelStep.$current.withValue(template.id) {
                try await JSONReply.ask(model, request, as: type, validate: validate)
            }
            switch result {
            case .success(let value): return .success(value)
            case .failure(let failure): return .failure("invalid judge reply after a retry: \(failure.error)")
            }
        } catch {
            return .failure("judge model call failed: \(error)")
        }
    }
}

