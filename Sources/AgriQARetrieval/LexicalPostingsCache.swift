import AgriQAIndex
import Foundation
import Synchronization

/// Whether a searcher ranks by BM25 from in-memory postings (``LexicalPostings``) or asks FTS5
/// every time. Both give the same ranking; the postings cost memory (about 8 bytes per token
/// occurrence per chunk: ~40 MB at 100,000 chunks) and seconds to read, and then make the lexical
/// part of a search ten to a hundred times cheaper.
public enum LexicalPostingsPolicy: Sendable {
    /// Ask FTS5 every time: one-shot commands (`agriqa search`, `agriqa ask`).
    case off
    /// Read the postings on a background thread when first needed and again after the index
    /// changes; FTS5 answers until they are ready. For servers and chats.
    case background
    /// Read them before the first search that needs them, and again after the index changes.
    /// For batch runs (evaluations, exams, benchmarks).
    case eager
}

/// A searcher's in-memory postings, kept current with the index according to a policy.
final class LexicalPostingsCache: Sendable {
    private struct State {
        var postings: LexicalPostings?
        var building = false
        /// When the last background build finished, and how long it took: rebuilds after writes are
        /// spaced so an index that is written continuously does not keep a core busy reading it.
        var lastBuildEnded: ContinuousClock.Instant?
        var lastBuildDuration: Duration = .zero
        /// When an eager read last failed.
        var lastFailure: ContinuousClock.Instant?
    }

    let index: KnowledgeIndex
    let policy: LexicalPostingsPolicy
    private let state = Mutex(State())
    /// Eager rebuilds take this lock so concurrent searches read the postings once.
    private let eagerBuild = Mutex(())

    init(index: KnowledgeIndex, policy: LexicalPostingsPolicy) {
        self.index = index
        self.policy = policy
    }

    /// The first `limit` chunk ids by BM25, exactly as ``KnowledgeIndex/lexicalRanking(_:limit:)``.
    func ranking(_ question: String, limit: Int) throws -> [Int64] {
        guard policy != .off else { return try index.lexicalRanking(question, limit: limit) }
        if let postings = state.withLock({ $0.postings }) {
            switch try index.lexicalRanking(question, limit: limit, postings: postings) {
            case .ranked(let ids): return ids
            case .unsupported: return try index.lexicalRanking(question, limit: limit)
            case .stale: break
            }
        }
        if policy == .eager {
            // Postings that cannot be read are not a reason to fail a search: FTS5 answers, and the
            // read is tried again after the same pause as background rebuilds.
            if let postings = try? eagerPostingsUnlessRecentlyFailed(),
                case .ranked(let ids) = try index.lexicalRanking(question, limit: limit, postings: postings)
            {
                return ids
            }
        } else {
            startBackgroundBuild()
        }
        return try index.lexicalRanking(question, limit: limit)
    }

    private func eagerPostingsUnlessRecentlyFailed() throws -> LexicalPostings? {
        let failedRecently = state.withLock { state in
            state.lastFailure.map { ContinuousClock.now - $0 < .seconds(5) } ?? false
        }
        guard !failedRecently else { return nil }
        do {
            return try eagerPostings()
        } catch {
            state.withLock { $0.lastFailure = ContinuousClock.now }
            throw error
        }
    }

    /// Reads the postings now unless current ones are held (for `eager` searchers, and for
    /// benchmarks that want the steady state before they measure).
    @discardableResult
    func eagerPostings() throws -> LexicalPostings {
        try eagerBuild.withLock { _ in
            if let postings = state.withLock({ $0.postings }), try isCurrent(postings) { return postings }
            let postings = try index.lexicalPostings()
            state.withLock { $0.postings = postings }
            return postings
        }
    }

    /// True when postings matching the index as it is now are held.
    func holdsCurrentPostings() throws -> Bool {
        guard let postings = state.withLock({ $0.postings }) else { return false }
        return try isCurrent(postings)
    }

    private func isCurrent(_ postings: LexicalPostings) throws -> Bool {
        try index.isCurrent(postings)
    }

    /// Starts reading the postings on a thread of their own, unless a read is under way or the last
    /// one ended less than ten times its duration (and at least five seconds) ago.
    func startBackgroundBuild() {
        let start = state.withLock { state -> Bool in
            guard !state.building else { return false }
            if let ended = state.lastBuildEnded {
                let pause = max(.seconds(5), state.lastBuildDuration * 10)
                guard ContinuousClock.now - ended >= pause else { return false }
            }
            state.building = true
            return true
        }
        guard start else { return }
        let thread = Thread { [self] in
            let began = ContinuousClock.now
            let postings = try? index.lexicalPostings()
            let ended = ContinuousClock.now
            state.withLock { state in
                if let postings { state.postings = postings }
                state.building = false
                state.lastBuildEnded = ended
                state.lastBuildDuration = ended - began
            }
        }
        thread.name = "agriqa-lexical-postings"
        thread.qualityOfService = .utility
        thread.start()
    }
}
