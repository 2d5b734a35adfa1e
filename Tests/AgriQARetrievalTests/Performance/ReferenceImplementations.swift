import Foundation

@testable import AgriQARetrieval

/// The straightforward implementations the fast paths replaced, kept verbatim as references: the
/// fast paths must give exactly what these give.
enum Reference {
    static func matchedTerms(_ terms: [String], in text: String) -> [String] {
        let words = Set(text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init))
        return terms.filter { term in words.contains { $0 == term || ($0.hasPrefix(term) && term.count >= 4) } }
    }

    static func snippet(_ text: String, terms: [String], length: Int = 220) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let lower = flat.lowercased()
        var start = lower.startIndex
        if let first = terms.compactMap({ lower.range(of: $0)?.lowerBound }).min() {
            start = lower.index(first, offsetBy: -60, limitedBy: lower.startIndex) ?? lower.startIndex
            while start > lower.startIndex, !lower[lower.index(before: start)].isWhitespace {
                start = lower.index(before: start)
            }
        }
        let offset = lower.distance(from: lower.startIndex, to: start)
        let body = flat.dropFirst(offset)
        let cut = body.prefix(length)
        return (offset > 0 ? "…" : "") + cut + (cut.count < body.count ? "…" : "")
    }

    static func opening(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(160))
    }

    /// The int8 scan as first written: each 16-value block widened to 32 bits and multiplied.
    static func int8Scores(_ matrix: QuantizedVectorMatrix, query: [Float]) -> [Float] {
        let (quantizedQuery, queryScale) = QuantizedVectorMatrix.quantize(query[...])
        var padded = [Int8](repeating: 0, count: matrix.stride)
        for (offset, value) in quantizedQuery.enumerated() { padded[offset] = value }
        return (0..<matrix.count).map { row in
            var sum: Int32 = 0
            for offset in 0..<matrix.stride {
                sum &+= Int32(matrix.values[row * matrix.stride + offset]) &* Int32(padded[offset])
            }
            return Float(sum) * matrix.scales[row] * queryScale
        }
    }
}

/// Deterministic test data (SplitMix64).
struct TestGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
