import AgriQAAnswering
import AgriQAChatModel
import AgriQADomain
import AgriQAGeography
import AgriQAIndex
import AgriQARetrieval
import Foundation

/// Answers from the local index with ``AnswerService``: the same answerer `agriqa ask` and the
/// server use, so a model that is down or slow falls back to the extractive answerer the same way.
struct LocalChatBackend: ChatBackend {
    let indexPath: String
    let index: KnowledgeIndex
    let searcher: HybridSearcher
    let gazetteer: Gazetteer
    /// The chat model's endpoint settings, kept so `/model ID` can ask another model there.
    let modelConfiguration: ChatModelConfiguration?
    let service: AnswerService

    init(
        indexPath: String, index: KnowledgeIndex, searcher: HybridSearcher, gazetteer: Gazetteer,
        model: (any ChatModel)?, modelConfiguration: ChatModelConfiguration?
    ) {
        self.indexPath = indexPath
        self.index = index
        self.searcher = searcher
        self.gazetteer = gazetteer
        self.modelConfiguration = modelConfiguration
        service = AnswerService(searcher: searcher, model: model, gazetteer: gazetteer)
    }

    var origin: String { "index \(indexPath)" }
    var modelID: String? { service.model?.modelID }

    func stream(_ question: ChatQuestion) -> AsyncThrowingStream<AnswerEvent, any Error> {
        let request = AnswerRequest(
            question: question.question, location: question.location?.region, history: question.history, k: question.k,
            mode: question.mode)
        let events = service.stream(request)
        // Map the service's AnswerError into ChatError, keeping cancellation as it is.
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await event in events { continuation.yield(event) }
                    continuation.finish()
                } catch let error as AnswerError {
                    continuation.finish(throwing: error == .cancelled ? CancellationError() : ChatError.answer(error.description))
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    func resolve(location: String) async throws(ChatError) -> ChatLocation {
        do {
            let region = try gazetteer.resolveLocation(location)
            return ChatLocation(code: region.code.rawValue, name: region.name, label: label(region), region: region)
        } catch {
            switch error {
            case .unknown(_, let suggestions):
                throw .location(message: error.description, suggestions: suggestions.map { "\($0.name) (\($0.code))" })
            case .ambiguous(_, let candidates):
                throw .location(message: error.description, suggestions: candidates.map { "\($0.name) (\($0.code))" })
            default:
                throw .location(message: error.description, suggestions: [])
            }
        }
    }

    /// "Whitman County, Washington, United States".
    private func label(_ region: Region) -> String {
        let parents = gazetteer.ancestors(of: region.code).compactMap { gazetteer.region($0)?.name }
        return ([region.name] + parents).joined(separator: ", ")
    }

    func sourceText(of citation: Citation) async throws(ChatError) -> SourceText {
        let index = self.index
        let id = citation.chunkID
        // A SQLite read: off the cooperative pool.
        let result: Result<ChunkDetail?, IndexError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do throws(IndexError) {
                    continuation.resume(returning: .success(try index.chunkDetails([id])[id]))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        switch result {
        case .failure(let error):
            throw .transport("reading the source from the index failed: \(error); check the index with `agriqa stats`.")
        case .success(nil):
            throw .answer("source \(citation.number) is no longer in the index (its document was removed); ask again.")
        case .success(let detail?):
            return SourceText(
                chunkID: id, title: detail.title, file: detail.path, section: detail.section, pageStart: detail.pageStart,
                pageEnd: detail.pageEnd, pageLabel: detail.pageLabel, regions: detail.regions.map(\.code), text: detail.text)
        }
    }

    func switchingModel(to id: String) throws(ChatError) -> any ChatBackend {
        guard var configuration = modelConfiguration else {
            throw .modelUnavailable(
                "no chat model endpoint is configured, so answers are extractive; start the chat with --model-url URL (or AGRIQA_MODEL_URL) to use a model.")
        }
        configuration.model = id
        let model: OpenAICompatibleChatModel
        do {
            model = try OpenAICompatibleChatModel(configuration: configuration)
        } catch {
            throw .modelUnavailable("cannot use model \"\(id)\": \(error)")
        }
        return LocalChatBackend(
            indexPath: indexPath, index: index, searcher: searcher, gazetteer: gazetteer, model: model,
            modelConfiguration: configuration)
    }

    func status() async -> String {
        let statistics = try? index.statistics(topRegions: 0)
        let contents = statistics.map { "\($0.documents) documents, \($0.chunks) chunks" } ?? "unreadable"
        let answers: String
        if let model = service.model {
            answers = "model \(model.modelID) (extractive when it fails)"
        } else {
            answers = "extractive (no chat model configured)"
        }
        return "\(origin) (\(contents)) · answers: \(answers)"
    }
}
