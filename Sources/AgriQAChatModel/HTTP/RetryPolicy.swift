import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// When and how long to wait before trying a request again.
struct RetryPolicy: Sendable {
    var maxRetries: Int
    var backoffBase: Duration
    var maxBackoff: Duration
    var maxRetryAfter: Duration

    init(_ configuration: ChatModelConfiguration) {
        maxRetries = configuration.maxRetries
        backoffBase = configuration.backoffBase
        maxBackoff = configuration.maxBackoff
        maxRetryAfter = configuration.maxRetryAfter
    }

    /// Whether attempt number `attempt` (1-based) may be followed by another.
    func allowsRetry(after attempt: Int) -> Bool { attempt <= maxRetries }

    /// 408 (request timeout), 429 (rate limited) and 5xx are worth another try; other statuses
    /// will fail the same way again.
    static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 429 || (500...599).contains(status)
    }

    /// Connection failures that another attempt may not meet (a restarting server, a dropped
    /// connection); TLS and URL errors are not among them.
    static func isRetryable(_ error: URLError) -> Bool {
        switch error.code {
        case .cannotConnectToHost, .networkConnectionLost, .notConnectedToInternet, .cannotFindHost,
            .dnsLookupFailed, .badServerResponse, .resourceUnavailable, .timedOut:
            true
        default:
            false
        }
    }

    /// The wait before the next attempt: the server's `Retry-After` (capped at
    /// ``maxRetryAfter``) when given, else `backoffBase · 2^(attempt−1)` capped at ``maxBackoff``
    /// and scaled by a random factor in [0.5, 1] so that many clients do not retry in step.
    func delay(afterAttempt attempt: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter { return min(retryAfter, maxRetryAfter) }
        let base = backoffBase.seconds * pow(2, Double(min(max(attempt - 1, 0), 30)))
        return .seconds(clamping: min(base, maxBackoff.seconds) * Double.random(in: 0.5...1))
    }

    /// The `Retry-After` header: delay-seconds, or an HTTP date.
    static func retryAfter(_ response: HTTPURLResponse) -> Duration? {
        guard let value = response.value(forHTTPHeaderField: "Retry-After")?.trimmingCharacters(in: .whitespaces),
            !value.isEmpty
        else { return nil }
        if let seconds = Double(value), seconds.isFinite, seconds >= 0 {
            return .seconds(clamping: seconds)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(clamping: date.timeIntervalSinceNow)
    }

    /// A short, human reason for a transport failure.
    static func describe(_ error: URLError) -> String {
        switch error.code {
        case .cannotConnectToHost: "connection refused"
        case .cannotFindHost, .dnsLookupFailed: "unknown host"
        case .networkConnectionLost: "connection lost"
        case .notConnectedToInternet: "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            "TLS failure: \(error.localizedDescription)"
        default: error.localizedDescription
        }
    }
}
