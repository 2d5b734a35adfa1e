import ArgumentParser

/// A failure the user can act on: printed as `error: …` with exit code 1, no stack trace.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
