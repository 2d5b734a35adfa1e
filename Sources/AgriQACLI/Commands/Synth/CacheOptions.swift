import AgriQAChatModel
import AgriQASynthesis
import ArgumentParser
import Foundation

/// `--cache DIR` / `--no-cache`: the persistent response cache of `synth` and `eval`.
struct CacheOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Folder of the response cache (one JSON file per distinct request; re-running a prompt costs nothing). Default: $AGRIQA_CACHE_DIR, else ~/.cache/agriqa/responses.",
            valueName: "dir"))
    var cache: String?

    @Flag(help: "Call the model for every request; read and write no cache.")
    var noCache = false

    func validate() throws {
        if noCache, cache != nil { throw ValidationError("--cache and --no-cache contradict each other; give one") }
    }

    /// `model` behind the cache (unless --no-cache) and the token meter.
    func wrap(_ model: any ChatModel, ledger: UsageLedger) throws -> any ChatModel {
        guard !noCache else { return MeteredChatModel(base: model, ledger: ledger) }
        let directory = cache.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? ResponseCache.defaultDirectory()
        do {
            let store = try ResponseCache(directory: directory)
            return MeteredChatModel(base: CachingChatModel(base: model, cache: store), ledger: ledger)
        } catch {
            throw CLIError(error.description)
        }
    }
}
