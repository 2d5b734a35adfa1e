import AgriQAIndex
import Foundation
import Hummingbird

/// `GET /healthz` (the process answers), `GET /readyz` (the index can be read, and the chat model
/// answers or the extractive fallback is active), `GET /metrics` (Prometheus text).
enum HealthRoutes {
    struct Readiness: Encodable {
        struct Check: Encodable {
            var ok: Bool
            var detail: String
        }

        var ready: Bool
        var index: Check
        var model: Check
        var answerMode: String
    }

    static func register(on router: Router<AgriQARequestContext>, environment: ServerEnvironment, registry: RouteRegistry) {
        router.route(.get, "/healthz", in: registry) { _, _ in
            try JSONResponse.make(["status": "ok"])
        }

        router.route(.get, "/readyz", in: registry) { _, _ in
            let indexCheck: Readiness.Check
            do {
                let statistics = try environment.index.statistics(topRegions: 0)
                indexCheck = .init(ok: true, detail: "\(statistics.documents) documents, \(statistics.chunks) chunks, \(statistics.vectors) vectors")
            } catch {
                indexCheck = .init(ok: false, detail: "\(error)")
            }
            let modelCheck: Readiness.Check
            let answerMode: String
            if let model = environment.model {
                let reachable = await model.isReachable(timeout: .seconds(2))
                modelCheck = .init(
                    ok: reachable,
                    detail: reachable ? "\(model.modelID) answers" : "\(model.modelID) is not reachable: answers fall back to extractive")
                answerMode = reachable ? "model" : "extractive-fallback"
            } else {
                modelCheck = .init(ok: true, detail: "no chat model configured: the extractive answerer answers")
                answerMode = "extractive"
            }
            let readiness = Readiness(ready: indexCheck.ok, index: indexCheck, model: modelCheck, answerMode: answerMode)
            return try JSONResponse.make(readiness, status: indexCheck.ok ? .ok : .serviceUnavailable)
        }

        router.route(.get, "/metrics", in: registry) { _, _ in
            var gauges: [(name: String, help: String, value: Double)] = [
                ("agriqa_uptime_seconds", "Seconds since the server started.", Date().timeIntervalSince(environment.startedAt))
            ]
            if let statistics = try? environment.index.statistics(topRegions: 0) {
                gauges += [
                    ("agriqa_index_documents", "Documents in the index.", Double(statistics.documents)),
                    ("agriqa_index_chunks", "Chunks in the index.", Double(statistics.chunks)),
                    ("agriqa_index_vectors", "Chunk vectors in the index.", Double(statistics.vectors)),
                    ("agriqa_index_bytes", "Size of the index file.", Double(statistics.fileBytes)),
                ]
            }
            let text = environment.metrics.render(gauges: gauges)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
