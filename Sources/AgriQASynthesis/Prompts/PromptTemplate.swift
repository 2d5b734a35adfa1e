import AgriQAChatModel

/// A versioned prompt: a system message and a user message with `{{name}}` slots.
///
/// Each prompt lives in its own file under Prompts/; its ``version`` changes whenever its wording
/// changes, and every output records the versions it was made with, so runs stay comparable.
public struct PromptTemplate: Sendable, Equatable {
    /// `synth-structure`, `judge-fluency`, …
    public var id: String
    /// `synth-structure@1`: the id and a number raised with every change of wording.
    public var version: String
    public var system: String
    public var user: String

    public init(id: String, revision: Int, system: String, user: String) {
        self.id = id
        self.version = "\(id)@\(revision)"
        self.system = system
        self.user = user
    }

    /// The messages, with every `{{name}}` replaced by `values[name]`.
    public func messages(_ values: [String: String]) -> [ChatMessage] {
        func fill(_ template: String) -> String {
            var text = template
            for (name, value) in values {
                text = text.replacingOccurrences(of: "{{\(name)}}", with: value)
            }
            return text
        }
        return [.system(fill(system)), .user(fill(user))]
    }
}
