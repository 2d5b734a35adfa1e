import AgriQAChatModel
import AgriQASynthesis
import Foundation

/// The chat model of `synth` and `eval`, as `serve` configures it (flags, environment, config
/// file, `--model local`), checked to answer before any work starts.
enum SynthModelSetup {
    static func reachable(_ options: ModelOptions, configFile: String?, purpose: String) async throws -> ChatModelSetup {
        let setup = try await ChatModelSetup.make(options, configFile: configFile)
        guard let model = setup.model else {
            throw CLIError(
                "\(purpose) needs a chat model: give --model-url URL (or AGRIQA_MODEL_URL), a --config file with a model section, or --model local")
        }
        guard await model.isReachable(timeout: .seconds(10)) else {
            setup.localServer?.stop()
            throw CLIError("the chat model \(model.modelID) does not answer at its URL; start it, or check --model-url")
        }
        return setup
    }
}
