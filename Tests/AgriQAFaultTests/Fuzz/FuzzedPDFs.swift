import Foundation

/// Mutated PDFs from scripts/faults/fuzz_pdfs.py (seeded, so a failure reproduces from its name).
enum FuzzedPDFs {
    /// Writes `count` mutated PDFs derived from corpus/ into `folder`; returns their paths.
    static func generate(count: Int, seed: Int, into folder: URL) throws -> [String] {
        guard let python = FaultEnvironment.python else { throw FaultTestError("python3 is needed for the PDF mutator") }
        let script = FaultEnvironment.packageRoot.appendingPathComponent("scripts/faults/fuzz_pdfs.py").path
        let result = try ChildProcess.run(
            python, [script, "--out", folder.path, "--count", "\(count)", "--seed", "\(seed)", "--source", FaultEnvironment.corpus.path])
        guard result.status == 0 else { throw FaultTestError("fuzz_pdfs.py failed: \(result.stderr)") }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pdf") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }
}
