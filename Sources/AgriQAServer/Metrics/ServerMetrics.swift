import Foundation

/// Request counts and latency histograms, rendered in the Prometheus text format for `GET /metrics`.
/// Thread-safe; recording is a lock and a few additions.
public final class ServerMetrics: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock`.
    private let lock = NSLock()
    private var requests: [RequestKey: Int] = [:]
    private var latency: [String: Histogram] = [:]
    private var stages: [String: Histogram] = [:]
    private var answers: [String: Int] = [:]
    private var fallbacks = 0
    private var inFlight = 0

    struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// Cumulative buckets in seconds.
    struct Histogram {
        static let bounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]
        var counts = [Int](repeating: 0, count: bounds.count)
        var sum = 0.0
        var count = 0

        mutating func observe(_ seconds: Double) {
            for (index, bound) in Self.bounds.enumerated() where seconds <= bound { counts[index] += 1 }
            sum += seconds
            count += 1
        }
    }

    public init() {}

    func requestStarted() { lock.withLock { inFlight += 1 } }

    func requestFinished(route: String, method: String, status: Int, seconds: Double) {
        lock.withLock {
            inFlight -= 1
            requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            latency[route, default: Histogram()].observe(seconds)
        }
    }

    /// Time spent in one stage of answering: "retrieval", "generation", "rewrite".
    func observeStage(_ stage: String, seconds: Double) {
        lock.withLock { stages[stage, default: Histogram()].observe(seconds) }
    }

    func countAnswer(mode: String, fellBack: Bool) {
        lock.withLock {
            answers[mode, default: 0] += 1
            if fellBack { fallbacks += 1 }
        }
    }

    /// The Prometheus exposition text; `gauges` adds point-in-time values (index size).
    func render(gauges: [(name: String, help: String, value: Double)]) -> String {
        lock.withLock {
            var out = ""
            out += "# HELP agriqa_http_requests_total HTTP requests by route, method and status.\n"
            out += "# TYPE agriqa_http_requests_total counter\n"
            for (key, count) in requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
                out += "agriqa_http_requests_total{route=\"\(escape(key.route))\",method=\"\(key.method)\",status=\"\(key.status)\"} \(count)\n"
            }
            out += "# HELP agriqa_http_requests_in_flight Requests being answered now.\n"
            out += "# TYPE agriqa_http_requests_in_flight gauge\n"
            out += "agriqa_http_requests_in_flight \(inFlight)\n"
            out += histogramText(
                name: "agriqa_http_request_duration_seconds", help: "Time to the response head, by route.",
                label: "route", values: latency)
            out += histogramText(
                name: "agriqa_stage_duration_seconds", help: "Time in each answering stage (rewrite, retrieval, generation).",
                label: "stage", values: stages)
            out += "# HELP agriqa_answers_total Answers by the mode that produced them.\n"
            out += "# TYPE agriqa_answers_total counter\n"
            for (mode, count) in answers.sorted(by: { $0.key < $1.key }) {
                out += "agriqa_answers_total{mode=\"\(escape(mode))\"} \(count)\n"
            }
            out += "# HELP agriqa_model_fallbacks_total Answers where the model failed and the extractive answerer stepped in.\n"
            out += "# TYPE agriqa_model_fallbacks_total counter\n"
            out += "agriqa_model_fallbacks_total \(fallbacks)\n"
            for gauge in gauges {
                out += "# HELP \(gauge.name) \(gauge.help)\n# TYPE \(gauge.name) gauge\n\(gauge.name) \(format(gauge.value))\n"
            }
            return out
        }
    }

    private func histogramText(name: String, help: String, label: String, values: [String: Histogram]) -> String {
        var out = "# HELP \(name) \(help)\n# TYPE \(name) histogram\n"
        for (key, histogram) in values.sorted(by: { $0.key < $1.key }) {
            let tag = "\(label)=\"\(escape(key))\""
            for (index, bound) in Histogram.bounds.enumerated() {
                out += "\(name)_bucket{\(tag),le=\"\(format(bound))\"} \(histogram.counts[index])\n"
            }
            out += "\(name)_bucket{\(tag),le=\"+Inf\"} \(histogram.count)\n"
            out += "\(name)_sum{\(tag)} \(format(histogram.sum))\n"
            out += "\(name)_count{\(tag)} \(histogram.count)\n"
        }
        return out
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
