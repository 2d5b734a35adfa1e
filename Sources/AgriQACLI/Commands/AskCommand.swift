import AgriQAAnswering
import AgriQADomain
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import ArgumentParser
import Foundation

struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer a question from the index, with numbered sources.",
        discussion: """
            Retrieves sources for the question (ranked by --location), then answers with the chat model when one is \
            configured (--model-url / AGRIQA_MODEL_URL, or --model local) and the extractive answerer otherwise — \
            also as the fallback when the model is down, slow or returns garbage. Every answer says which mode \
            produced it, cites its sources as [n], and says when the evidence comes from another region.
            """)

    @Argument(help: "The question.")
    var question: String

    @Option(help: ArgumentHelp("The asker's location: region code, place name, or lat,lon.", valueName: "location"))
    var location: String?

    @Option(name: .customLong("k"), help: "Sources to retrieve.")
    var k = AnswerRequest.defaultK

    @Option(help: "auto (model when configured), model, or extractive.")
    var mode: AnswerModePreference = .auto

    @Flag(help: "Print the answer as JSON (citations, mode, warnings, timings).")
    var json = false

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var embedderOptions: EmbedderOptions
    @OptionGroup var modelOptions: ModelOptions

    func validate() throws {
        guard AnswerRequest.kRange.contains(k) else {
            throw ValidationError("--k must be \(AnswerRequest.kRange.lowerBound)…\(AnswerRequest.kRange.upperBound)")
        }
    }

    func run() async throws {
        let index = try indexOptions.openExisting()
        let gazetteer: Gazetteer
        var region: Region?
        do {
            gazetteer = try gazetteerOptions.load(remembered: try index.rememberedGazetteers())
            if let location { region = try gazetteer.resolveLocation(location) }
        } catch let error as IndexError {
            throw CLIError(error.description)
        } catch let error as LocationError {
            throw CLIError(error.description)
        }
        let setup = try await ChatModelSetup.make(modelOptions, configFile: nil)
        defer { setup.localServer?.stop() }
        if mode == .model && setup.model == nil { throw CLIError(AnswerError.modelNotConfigured.description) }
        let embedder = await QueryEmbedder.make(for: index, options: embedderOptions)
        let searcher = HybridSearcher(index: index, embedder: embedder, gazetteer: gazetteer)
        let service = AnswerService(searcher: searcher, model: setup.model, gazetteer: gazetteer)
        let request = AnswerRequest(question: question, location: region, k: k, mode: mode)

        if json {
            do {
                print(try Terminal.json(try await service.answer(request)))
            } catch let error as AnswerError {
                throw CLIError(error.description)
            }
            return
        }
        var streamed = ""
        do {
            for try await event in service.stream(request) {
                switch event {
                case .sources:
                    break
                case .delta(let text):
                    streamed += text
                    Terminal.write(text)
                case .done(let answer):
                    if !streamed.isEmpty { Terminal.write("\n") }
                    Terminal.write(Self.render(answer, alreadyPrinted: streamed == answer.answer) + "\n")
                }
            }
        } catch let error as AnswerError {
            throw CLIError(error.description)
        }
    }

    static func render(_ answer: Answer, alreadyPrinted: Bool) -> String {
        var lines: [String] = []
        if let note = answer.regionNote { lines.append(Terminal.bold("Note: ") + note) }
        if !alreadyPrinted {
            if !lines.isEmpty { lines.append("") }
            lines.append(answer.answer)
        }
        if !answer.citations.isEmpty {
            lines.append("")
            lines.append(Terminal.bold("Sources"))
            for citation in answer.citations {
                let page = citation.pageDescription.map { ", \($0)" } ?? ""
                let regions = citation.regions.isEmpty ? "general" : citation.regions.prefix(3).joined(separator: ", ")
                let marker = citation.used ? "" : "  (not cited)"
                lines.append("[\(citation.number)] \(citation.title)\(page) — \(regions) [\(citation.relation.rawValue)]\(marker)")
            }
        }
        for warning in answer.warnings { lines.append("! " + warning) }
        let where_ = answer.location.map { " for \($0.name) (\($0.code))" } ?? ""
        let model = answer.model.map { " \($0)" } ?? ""
        lines.append(
            Terminal.dim("mode: \(answer.mode.rawValue)\(model)\(where_) · \(Int(answer.timings.totalMs.rounded())) ms"))
        return lines.joined(separator: "\n")
    }
}

extension AnswerModePreference: ExpressibleByArgument {}
