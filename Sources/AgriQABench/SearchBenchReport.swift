import AgriQARetrieval
import Foundation

/// The whole run: machine, search options, and each index's figures; rendered as tables or JSON.
struct SearchBenchReport: Codable {
    struct Machine: Codable {
        var cpu: String
        var cores: Int
        var date: String
        /// 1-minute load average when the run started and when it ended (other processes competing
        /// for the cores inflate every figure; compare runs only at similar loads).
        var loadAtStart: Double?
        var loadAtEnd: Double?

        static func current() -> Machine {
            let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
            let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }
                .flatMap { $0.split(separator: ":", maxSplits: 1).last }
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
            return Machine(cpu: model, cores: ProcessInfo.processInfo.activeProcessorCount,
                           date: ISO8601DateFormatter().string(from: Date()), loadAtStart: loadAverage(), loadAtEnd: nil)
        }

        /// The 1-minute load average from /proc/loadavg (Linux), if readable.
        static func loadAverage() -> Double? {
            guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
            return text.split(separator: " ").first.flatMap { Double($0) }
        }
    }

    struct Options: Codable {
        var k: Int
        var candidates: Int
        var rrfK: Double
        var perDocument: Int
    }

    /// Issue 4's targets, checked on the largest index.
    struct Targets: Codable {
        var chunks: Int
        var endToEndP50Met: Bool
        var endToEndP99Met: Bool
        var precomputedP50Met: Bool
        var precomputedP99Met: Bool
        var ratioP50Met: Bool
    }

    var machine: Machine
    var options: Options
    var results: [IndexResult]
    var targets: Targets?

    init(machine: Machine, options: SearchOptions, results: [IndexResult]) {
        self.machine = machine
        self.options = Options(k: options.k, candidates: options.candidates, rrfK: options.rrfK, perDocument: options.perDocument)
        self.results = results
        if let largest = results.max(by: { $0.chunks < $1.chunks }) {
            let endToEnd = largest.latency(.hybridFloat), precomputed = largest.latency(.hybridPrecomputedFloat)
            targets = Targets(
                chunks: largest.chunks,
                endToEndP50Met: (endToEnd?.p50 ?? .infinity) <= 10, endToEndP99Met: (endToEnd?.p99 ?? .infinity) <= 30,
                precomputedP50Met: (precomputed?.p50 ?? .infinity) <= 10,
                precomputedP99Met: (precomputed?.p99 ?? .infinity) <= 30,
                ratioP50Met: largest.ratios.precomputedFloatP50 <= 1.5)
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func table() -> String {
        let load = [machine.loadAtStart, machine.loadAtEnd].map { $0.map { String(format: "%.1f", $0) } ?? "?" }
        var lines = [
            "machine: \(machine.cpu), \(machine.cores) cores, load average \(load[0]) at start, \(load[1]) at end; "
                + "k \(options.k), candidates \(options.candidates) per ranking"
        ]
        for result in results {
            lines.append("")
            lines.append(
                "\(result.index): \(result.chunks) chunks, \(result.vectors) vectors; \(result.queries) questions "
                    + "(\(result.queriesWithLocation) with a location) × \(result.rounds) round(s), \(result.warmup) warm-up; "
                    + "median FTS hits \(Int(result.medianLexicalCandidates))")
            if let agreement = result.int8Agreement {
                lines.append(
                    "int8 scan + float32 rescoring vs float32 scan: same top \(options.candidates) for "
                        + "\(agreement.sameTopCandidates)/\(agreement.questions) questions, same top 10 for "
                        + "\(agreement.sameTop10)/\(agreement.questions), same chunks for \(agreement.sameSet)/\(agreement.questions), "
                        + "same cosine at every rank (±10⁻⁶) for \(agreement.sameScoresByRank)/\(agreement.questions)")
            }
            if let postings = result.lexicalPostings {
                lines.append(String(
                    format: "in-memory BM25 postings: %d (token, chunk) pairs, %.1f MB, read in %.2f s",
                    postings.postings, postings.megabytes, postings.seconds))
            }
            lines.append(
                pad("path", 52) + pad("p50 ms", 9, left: true) + pad("p99 ms", 9, left: true) + pad("mean ms", 9, left: true)
                    + pad("CPU p50", 9, left: true) + pad("CPU p99", 9, left: true))
            for path in SearchBenchRunner.Path.allCases {
                guard let latency = result.latency(path) else { continue }
                let cpu = result.cpuMilliseconds?[path.rawValue]
                lines.append(
                    pad(path.rawValue, 52) + number(latency.p50) + number(latency.p99) + number(latency.mean)
                        + (cpu.map { number($0.p50) + number($0.p99) } ?? ""))
            }
            let ratios = result.ratios
            lines.append(String(
                format: "hybrid / (FTS + scan): float32 p50 %.2f× p99 %.2f×; int8 p50 %.2f× p99 %.2f×; end-to-end / (embedding + FTS + scan) p50 %.2f× p99 %.2f×",
                ratios.precomputedFloatP50, ratios.precomputedFloatP99, ratios.precomputedInt8P50, ratios.precomputedInt8P99,
                ratios.endToEndFloatP50, ratios.endToEndFloatP99))
            let stages = result.stageMediansMs.sorted { $0.value > $1.value }
                .map { String(format: "%@ %.2f", $0.key, $0.value) }.joined(separator: ", ")
            lines.append("hybrid stages (median ms, precomputed vector, float32): \(stages)")
            if let slowest = result.slowestFTS.first {
                lines.append(String(
                    format: "slowest raw FTS5 query: %.1f ms, %d OR-ed terms: ", slowest.milliseconds, slowest.terms)
                    + "\"\(slowest.question.prefix(80))\"")
            }
        }
        if let targets {
            func mark(_ met: Bool) -> String { met ? "met" : "NOT met" }
            lines.append("")
            lines.append(
                "targets at \(targets.chunks) chunks: end-to-end p50 ≤ 10 ms \(mark(targets.endToEndP50Met)), p99 ≤ 30 ms "
                    + "\(mark(targets.endToEndP99Met)); precomputed vector p50 ≤ 10 ms \(mark(targets.precomputedP50Met)), "
                    + "p99 ≤ 30 ms \(mark(targets.precomputedP99Met)); ≤ 1.5× FTS + scan (p50) \(mark(targets.ratioP50Met))")
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let space = String(repeating: " ", count: max(0, width - text.count))
        return left ? space + text : text + space
    }

    private func number(_ value: Double) -> String { pad(String(format: "%.2f", value), 9, left: true) }
}
