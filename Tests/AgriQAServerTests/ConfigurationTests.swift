import AgriQAServer
import Foundation
import Testing

@Suite("Server configuration: file, environment, validation")
struct ConfigurationTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agriqa-config-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func fileThenEnvironmentWin() throws {
        let file = try write(#"{"port": 9000, "index": "/tmp/a.sqlite", "requireKeyForReads": true, "model": {"url": "http://x/v1"}}"#)
        let configuration = try ServerConfigurationLoader.load(
            file: file, environment: ["AGRIQA_PORT": "9100", "AGRIQA_API_KEYS": "k1-0123456789abcdef, k2-0123456789abcdef"])
        #expect(configuration.port == 9100)
        #expect(configuration.index == "/tmp/a.sqlite")
        #expect(configuration.requireKeyForReads)
        #expect(configuration.maxJSONBytes == ServerConfiguration().maxJSONBytes)
        #expect(try ServerConfigurationLoader.apiKeys(of: configuration).count == 2)
    }

    @Test func typosAndBadValuesAreErrorsThatNameTheSetting() throws {
        let typo = try write(#"{"prot": 9000}"#)
        #expect {
            _ = try ServerConfigurationLoader.load(file: typo, environment: [:])
        } throws: { error in
            "\(error)".contains("\"prot\"")
        }
        let wrongType = try write(#"{"port": "eighty"}"#)
        #expect(throws: ServerConfigurationError.self) { _ = try ServerConfigurationLoader.load(file: wrongType, environment: [:]) }
        #expect(throws: ServerConfigurationError.self) {
            _ = try ServerConfigurationLoader.load(file: nil, environment: ["AGRIQA_PORT": "http"])
        }
        var configuration = ServerConfiguration()
        configuration.port = 70000
        #expect(throws: ServerConfigurationError.self) { try configuration.validate() }
        #expect(throws: ServerConfigurationError.self) { _ = try ServerConfigurationLoader.load(file: "/nonexistent.json", environment: [:]) }
    }

    @Test func keyFilesSkipCommentsAndBlankLines() throws {
        let keys = try write("# operators\nabcdefghijklmnopqrstu\n\n  zyxwvutsrqponmlkjihg  \n")
        var configuration = ServerConfiguration()
        configuration.apiKeysFile = keys
        #expect(try ServerConfigurationLoader.apiKeys(of: configuration) == ["abcdefghijklmnopqrstu", "zyxwvutsrqponmlkjihg"])
    }
}
