import Foundation

/// Reads lines and hands them to the session until `/quit`, Ctrl-D or the end of piped input.
struct ChatLoop {
    let session: ChatSession
    let reader: any LineReader
    /// A terminal with line editing (rather than piped lines).
    let interactive: Bool

    /// The exit status: 0; 1 when a piped line failed; 130 when Ctrl-C stopped piped input.
    func run() async -> Int32 {
        // Ctrl-C with no answer running: on a terminal the editor already took it as a key; for piped
        // input it means "stop reading".
        let interrupts = InterruptMonitor(idle: { [interactive] in
            guard !interactive else { return }
            Terminal.writeError("interrupted\n")
            exit(130)
        })
        var failures = 0
        while true {
            let event = await reader.readLine(prompt: session.prompt)
            switch event {
            case .endOfInput:
                if interactive { Terminal.write("\n") }
                return failures > 0 && !interactive ? 1 : 0
            case .interrupted:
                continue
            case .line(let line):
                if interactive { reader.remember(line) } else if !session.json, !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    // Piped human output reads as a transcript: each question before its answer.
                    Terminal.write(session.renderer.style.bold("> " + line) + "\n")
                }
                switch await session.handle(line, interrupts: interrupts) {
                case .quit:
                    return failures > 0 && !interactive ? 1 : 0
                case .failed:
                    failures += 1
                case .done:
                    break
                }
                if interactive, !session.json { Terminal.write("\n") }
            }
        }
    }
}
