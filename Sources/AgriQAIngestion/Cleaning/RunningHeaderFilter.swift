/// Finds running headers and footers: lines in the top or bottom margin band that repeat (with their
/// numbers ignored) across pages, and bare page numbers in those bands.
public struct RunningHeaderFilter: Sendable {
    /// Share of the page height, from the top and from the bottom, where headers and footers live.
    public var marginBand: Double = 0.09
    /// A margin line is running when its signature appears on at least this share of text pages.
    public var minimumShare: Double = 0.4

    public init() {}

    /// Returns, per page, the indices of lines to drop.
    public func runningLines(in pages: [RawPage]) -> [Set<Int>] {
        let textPages = pages.filter(\.hasText).count
        var signatureCounts: [String: Int] = [:]
        var candidates: [[(index: Int, signature: String)]] = []
        for page in pages {
            var seen: Set<String> = []
            var pageCandidates: [(Int, String)] = []
            for (index, line) in page.lines.enumerated() where isInMargin(line, page: page) {
                let signature = Self.signature(of: line.text)
                pageCandidates.append((index, signature))
                if seen.insert(signature).inserted { signatureCounts[signature, default: 0] += 1 }
            }
            candidates.append(pageCandidates)
        }
        let threshold = max(2, Int((Double(textPages) * minimumShare).rounded(.up)))
        return candidates.map { pageCandidates in
            var drop: Set<Int> = []
            for (index, signature) in pageCandidates {
                if Self.isPageNumber(signature) || (textPages >= 2 && signatureCounts[signature, default: 0] >= threshold) {
                    drop.insert(index)
                }
            }
            return drop
        }
    }

    private func isInMargin(_ line: PageLine, page: RawPage) -> Bool {
        guard page.height > 0, line.box.maxY > 0 else { return false }
        return line.box.minY < page.height * marginBand || line.box.maxY > page.height * (1 - marginBand)
    }

    /// Lower-cased text with every digit run replaced by `#` and spaces collapsed, so "Page 3" and
    /// "Page 14" share a signature.
    static func signature(of text: String) -> String {
        var result = ""
        var inDigits = false
        for character in TextNormalizer.normalize(text).lowercased() {
            if character.isNumber {
                if !inDigits { result.append("#") }
                inDigits = true
            } else {
                inDigits = false
                result.append(character)
            }
        }
        return result
    }

    /// "#", "page #", "# of #", "- # -", "p. #", and roman numerals.
    static func isPageNumber(_ signature: String) -> Bool {
        let stripped = signature.filter { !"-–—|·•.()[] ".contains($0) }
        if stripped == "#" || stripped == "page#" || stripped == "p#" || stripped == "pg#" { return true }
        if stripped == "#of#" || stripped == "page#of#" || stripped == "#/#" { return true }
        let roman = Set("ivxlc")
        return !stripped.isEmpty && stripped.count <= 6 && stripped.allSatisfy { roman.contains($0) }
    }
}
