import AgriQAIndex
import Foundation

/// One upload being ingested by the worker process.
public struct IngestJob: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case queued, running, succeeded, failed
    }

    public var id: String
    public var status: Status
    public var fileName: String
    public var bytes: Int
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// What `agriqa ingest --json` reported, when the worker got that far.
    public var summary: IngestSummary?
    /// Why the job failed, in words that say what to do.
    public var error: String?

    public static func == (lhs: IngestJob, rhs: IngestJob) -> Bool {
        lhs.id == rhs.id && lhs.status == rhs.status && lhs.finishedAt == rhs.finishedAt
    }
}
