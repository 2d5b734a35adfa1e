import AgriQAChatModel

/// Why synthesis or evaluation could not run. Each case says what to do.
public enum SynthesisError: Error, Sendable, CustomStringConvertible {
    /// The index holds nothing to synthesize from.
    case noSections(reason: String)
    /// An input file is missing or malformed.
    case input(path: String, reason: String)
    /// An output or cache file could not be written.
    case output(path: String, reason: String)
    /// An `eval answers` configuration cannot be understood.
    case configuration(String)
    /// The model failed on a call the run cannot do without.
    case model(ChatModelError)
    /// Retrieval failed.
    case retrieval(String)

    public var description: String {
        switch self {
        case .noSections(let reason):
            return "nothing to synthesize from: \(reason); ingest PDFs first (agriqa ingest corpus/ --index FILE)"
        case .input(let path, let reason):
            return "\(path): \(reason)"
        case .output(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .configuration(let reason):
            return "invalid --config: \(reason)"
        case .model(let error):
            return error.description
        case .retrieval(let reason):
            return "retrieval failed (\(reason)); check the index with `agriqa stats`"
        }
    }
}
