import Foundation

/// Model calls and tokens of one step (structure, questions, facts, answer, judge-…).
public struct StepUsage: Codable, Sendable, Equatable {
    public var step: String
    /// Requests sent to the endpoint (retries inside the client not counted separately).
    public var requests = 0
    /// Calls answered from the response cache (no request made).
    public var cacheHits = 0
    /// Calls that failed after the client's retries.
    public var failures = 0
    /// Tokens of the requests sent, as the endpoint reported them.
    public var promptTokens = 0
    public var completionTokens = 0
    /// Tokens the cached answers cost when they were first made (not spent again).
    public var cachedPromptTokens = 0
    public var cachedCompletionTokens = 0

    public init(step: String) {
        self.step = step
    }

    public var totalTokens: Int { promptTokens + completionTokens }
}

/// Token accounting for a run: usage per step, safe to update from concurrent tasks.
public final class UsageLedger: @unchecked Sendable {
    // @unchecked: `steps` is only touched under `lock`.
    private let lock = NSLock()
    private var steps: [String: StepUsage] = [:]

    public init() {}

    func record(step: String, _ update: (inout StepUsage) -> Void) {
        lock.withLock {
            var usage = steps[step] ?? StepUsage(step: step)
            update(&usage)
            steps[step] = usage
        }
    }

    /// Usage per step, sorted by step name, and their sum under the step name "total".
    public var snapshot: [StepUsage] {
        lock.withLock { steps.values.sorted { $0.step < $1.step } }
    }

    public var total: StepUsage {
        snapshot.reduce(into: StepUsage(step: "total")) { sum, usage in
            sum.requests += usage.requests
            sum.cacheHits += usage.cacheHits
            sum.failures += usage.failures
            sum.promptTokens += usage.promptTokens
            sum.completionTokens += usage.completionTokens
            sum.cachedPromptTokens += usage.cachedPromptTokens
            sum.cachedCompletionTokens += usage.cachedCompletionTokens
        }
    }
}
