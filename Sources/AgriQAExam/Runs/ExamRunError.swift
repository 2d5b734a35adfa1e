/// Why a run cannot start or continue. Each case says what to do.
public enum ExamRunError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output folder already holds a run and `--resume` was not given.
    case existingRun(directory: String)
    /// `--resume` with settings that differ from the run's.
    case settingsChanged(directory: String, differences: [String])
    case output(path: String, reason: String)
    /// Not a run folder (for `exam compare`).
    case notARun(directory: String)

    public var description: String {
        switch self {
        case .existingRun(let directory):
            return "\(directory) already holds a run (results.jsonl); pass --resume to continue it, or choose another --out"
        case .settingsChanged(let directory, let differences):
            return "cannot resume \(directory) with different settings (\(differences.joined(separator: "; "))); use the run's settings or another --out"
        case .output(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .notARun(let directory):
            return "\(directory) is not an exam run folder (no results.jsonl); give folders written by `agriqa exam run --out DIR`"
        }
    }
}
