import AgriQAFakeChatServer
import Foundation
import Testing

/// `agriqa chat` with standard input not a terminal: one question or command per line.
@Suite(.serialized) struct PipedSessionTests {
    static let script = """
        When is winter wheat seeded on the Palouse?
        How deep should it be planted?
        /location Whitmn
        /location Iowa
        When should corn be planted?
        /open 1
        /quit
        Never read: the chat has quit.

        """

    @Test(.enabled(if: ChatBinary.exists)) func localHumanOutputIsPlainText() async throws {
        let index = try await ChatBinary.corpusIndex.path
        let result = try await ChatBinary.run(
            ["chat", "--index", index, "--location", "Whitman County, Washington", "--no-history"], input: Self.script)
        // One line failed (the unknown location): piped runs say so in their status.
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"), "piped output must carry no colour")
        #expect(result.stdout.contains("> When is winter wheat seeded on the Palouse?"))
        #expect(result.stdout.occurrences(of: "\nSources\n") == 3)
        #expect(result.stdout.contains("mode: extractive · Whitman County (US-WA/53075)"))
        // The follow-up was rewritten with the earlier question's words (no model: the heuristic).
        #expect(result.stdout.contains("asked as: How deep should it be planted? (context:"))
        #expect(result.stderr.contains("Unknown location \"Whitmn\". Did you mean: Whitman County (US-WA/53075)?"))
        #expect(result.stdout.contains("Location: Iowa, United States (US-IA)"))
        #expect(result.stdout.contains("mode: extractive · Iowa (US-IA)"))
        #expect(result.stdout.contains("[1] "))
        #expect(!result.stdout.contains("Never read"))
    }

    @Test(.enabled(if: ChatBinary.exists)) func localJSONIsOneObjectPerLine() async throws {
        let index = try await ChatBinary.corpusIndex.path
        let result = try await ChatBinary.run(
            ["chat", "--index", index, "--location", "US-WA", "--json"], input: Self.script,
            environment: ["XDG_STATE_HOME": try ChatBinary.temporaryDirectory("state").path])
        #expect(result.status == 1)
        let objects = try Self.objects(result.stdout)
        #expect(objects.count == 6, "\(result.stdout)")
        #expect(objects[0]["mode"] as? String == "extractive")
        #expect((objects[0]["citations"] as? [Any])?.isEmpty == false)
        #expect(objects[1]["rewriteMethod"] as? String == "heuristic")
        let error = objects[2]["error"] as? [String: Any]
        #expect((error?["suggestions"] as? [String])?.contains("Whitman County (US-WA/53075)") == true)
        #expect((objects[3]["location"] as? [String: Any])?["code"] as? String == "US-IA")
        #expect((objects[4]["location"] as? [String: Any])?["code"] as? String == "US-IA")
        let open = objects[5]
        #expect(open["command"] as? String == "open")
        #expect(((open["source"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
    }

    @Test(.enabled(if: ChatBinary.exists)) func remoteThroughAgriQAServe() async throws {
        let index = try await ChatBinary.corpusIndex.path
        let server = try await ServeProcess.start(index: index)
        defer { server.stop() }
        let result = try await ChatBinary.run(
            ["chat", "--server", server.url, "--location", "Whitman County, Washington", "--json"], input: Self.script)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let objects = try Self.objects(result.stdout)
        #expect(objects.count == 6, "\(result.stdout)")
        #expect(objects[0]["mode"] as? String == "extractive")
        let first = (objects[0]["citations"] as? [[String: Any]])?.first
        // The server gives file names, not its own paths.
        #expect((first?["path"] as? String)?.contains("/") == false)
        #expect(objects[1]["rewriteMethod"] as? String == "heuristic")
        let error = objects[2]["error"] as? [String: Any]
        #expect((error?["suggestions"] as? [String])?.contains("Whitman County (US-WA/53075)") == true)
        #expect((objects[3]["location"] as? [String: Any])?["code"] as? String == "US-IA")
        #expect((objects[4]["location"] as? [String: Any])?["code"] as? String == "US-IA")
        #expect(((objects[5]["source"] as? [String: Any])?["text"] as? String)?.isEmpty == false)

        // Human output against the server streams too, in plain text.
        let human = try await ChatBinary.run(
            ["chat", "--server", server.url + "/v1/"], input: "When is winter wheat seeded on the Palouse?\n")
        #expect(human.status == 0, "stderr: \(human.stderr)")
        #expect(!human.stdout.contains("\u{1B}"))
        #expect(human.stdout.contains("\nSources\n[1] "))
    }

    @Test(.enabled(if: ChatBinary.exists)) func unreachableServerFailsAtOnce() async throws {
        let port = try ServeProcess.freePort()
        let result = try await ChatBinary.run(["chat", "--server", "http://127.0.0.1:\(port)"], input: "hello\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot reach the AgriQA server"))
    }

    /// A model that fails or hangs: each answer says so and falls back to extractive; nothing hangs.
    @Test(.enabled(if: ChatBinary.exists)) func modelDownOrSlowFallsBack() async throws {
        let index = try await ChatBinary.corpusIndex.path
        let fake = try await FakeChatServer.start(queue: [.status(503), .hang], then: .reply("Seed in autumn [1]."))
        let input = """
            When is winter wheat seeded on the Palouse?
            /clear
            When should corn be planted in Iowa?
            /clear
            When are peanuts dug in Georgia?

            """
        let result = try await ChatBinary.run(
            [
                "chat", "--index", index, "--json", "--model-url", fake.baseURL.absoluteString, "--model-retries", "0",
                "--model-timeout", "2",
            ], input: input)
        await fake.stop()
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let answers = try Self.objects(result.stdout).filter { $0["mode"] != nil }
        #expect(answers.map { $0["mode"] as? String } == ["extractive-fallback", "extractive-fallback", "model"])
        #expect((answers[0]["warnings"] as? [String])?.first?.contains("the chat model failed") == true)
        #expect((answers[1]["warnings"] as? [String])?.first?.contains("the chat model failed") == true)
    }

    static func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ChatTestError("not a JSON object: \(line)")
            }
            return object
        }
    }
}
