import Dispatch
import Foundation

/// Percentiles of a set of latencies, in milliseconds. p50 and p99 are nearest-rank percentiles
/// (the smallest sample with at least that share of samples at or below it).
struct LatencySummary: Codable, Sendable {
    var samples: Int
    var p50: Double
    var p99: Double
    var mean: Double
    var max: Double

    init(milliseconds values: [Double]) {
        let sorted = values.sorted()
        samples = sorted.count
        p50 = Self.percentile(sorted, 0.50)
        p99 = Self.percentile(sorted, 0.99)
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        max = sorted.last ?? 0
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, Swift.max(1, rank)) - 1]
    }
}

/// Runs `body` and returns its result with the elapsed wall time in milliseconds.
func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try await body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e6)
}

/// CPU time used by the whole process so far (all threads), in milliseconds: unlike wall time it
/// does not grow when other processes compete for the cores.
func processCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}
