import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// A real `agriqa serve` on a free loopback port, for the chat's remote mode.
final class ServeProcess: @unchecked Sendable {
    // @unchecked: immutable after init.
    let process: Process
    let url: String

    private init(process: Process, url: String) {
        self.process = process
        self.url = url
    }

    /// Starts the server on `index` and waits until `/healthz` answers.
    static func start(index: String) async throws -> ServeProcess {
        let port = try freePort()
        let process = try ChatBinary.start(["serve", "--host", "127.0.0.1", "--port", String(port), "--index", index])
        let server = ServeProcess(process: process, url: "http://127.0.0.1:\(port)")
        let deadline = ContinuousClock.now + .seconds(60)  // only keeps a broken server from hanging the test
        while ContinuousClock.now < deadline {
            if await server.healthy() { return server }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        server.stop()
        let result = await ChatBinary.collect(process)
        throw ChatTestError("agriqa serve did not come up on port \(port): \(result.stderr)")
    }

    func stop() {
        if process.isRunning { process.terminate() }
    }

    private func healthy() async -> Bool {
        guard let url = URL(string: url + "/healthz") else { return false }
        return await withCheckedContinuation { continuation in
            URLSession.shared.dataTask(with: url) { _, response, _ in
                continuation.resume(returning: (response as? HTTPURLResponse)?.statusCode == 200)
            }.resume()
        }
    }

    /// A port nothing listens on right now (bound to port 0, then released).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ChatTestError("socket() failed") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw ChatTestError("bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard named == 0 else { throw ChatTestError("getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
