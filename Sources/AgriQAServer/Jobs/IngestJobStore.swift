import AgriQAIndex
import Foundation

/// Queues uploads and ingests them one at a time through ``IngestWorker`` (SQLite has one writer;
/// the worker parallelises inside a file). Jobs are kept in memory for the server's lifetime.
public actor IngestJobStore {
    private var jobs: [String: IngestJob] = [:]
    private var order: [String] = []
    private var pending: [(id: String, staged: String)] = []
    private var running = false
    private let worker: IngestWorker
    private let uploadDirectory: String
    /// Called after each job, so caches (vectors) can be refreshed.
    private let onFinished: @Sendable (IngestJob) async -> Void

    init(worker: IngestWorker, uploadDirectory: String, onFinished: @escaping @Sendable (IngestJob) async -> Void = { _ in }) {
        self.worker = worker
        self.uploadDirectory = uploadDirectory
        self.onFinished = onFinished
    }

    /// Where an upload in progress is written before it is queued.
    func stagingPath(for id: String) throws -> String {
        let staging = URL(fileURLWithPath: uploadDirectory).appendingPathComponent(".incoming")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        return staging.appendingPathComponent(id).path
    }

    /// Queues a staged upload named `fileName` (already sanitized).
    func enqueue(id: String, fileName: String, staged: String, bytes: Int) -> IngestJob {
        let job = IngestJob(id: id, status: .queued, fileName: fileName, bytes: bytes, createdAt: Date())
        jobs[id] = job
        order.append(id)
        pending.append((id, staged))
        if !running {
            running = true
            Task { await self.drain() }
        }
        return job
    }

    public func job(_ id: String) -> IngestJob? { jobs[id] }

    public func all() -> [IngestJob] { order.compactMap { jobs[$0] } }

    private func drain() async {
        while !pending.isEmpty {
            let next = pending.removeFirst()
            await process(id: next.id, staged: next.staged)
        }
        running = false
    }

    private func process(id: String, staged: String) async {
        guard var job = jobs[id] else { return }
        job.status = .running
        job.startedAt = Date()
        jobs[id] = job
        let target = URL(fileURLWithPath: uploadDirectory).appendingPathComponent(job.fileName).path
        do {
            if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
            try FileManager.default.moveItem(atPath: staged, toPath: target)
            let outcome = try await worker.run(file: target)
            job.summary = outcome.summary
            if outcome.killedForTime {
                job.status = .failed
                job.error = "the ingestion worker ran longer than \(Int(worker.timeoutSeconds)) s and was stopped; split the file or raise workerTimeoutSeconds"
            } else if outcome.signalled || outcome.summary == nil {
                job.status = .failed
                let detail = outcome.standardError.split(whereSeparator: \.isNewline).last.map(String.init) ?? "no message"
                job.error = "the ingestion worker stopped abnormally (exit \(outcome.exitStatus)\(outcome.signalled ? ", signal" : ""): \(detail)); the file may be damaged or need more than \(worker.memoryMB) MB"
            } else if let failure = outcome.summary?.failed.first {
                job.status = .failed
                job.error = failure.reason
            } else {
                job.status = .succeeded
            }
        } catch {
            job.status = .failed
            job.error = "could not run the ingestion worker: \(error.localizedDescription)"
        }
        if job.status == .failed, FileManager.default.fileExists(atPath: target),
            job.summary.map({ $0.added + $0.replaced + $0.unchanged == 0 }) ?? true
        {
            try? FileManager.default.removeItem(atPath: target)
        }
        job.finishedAt = Date()
        jobs[id] = job
        await onFinished(job)
    }
}
