/// Resolving names that need support from the other regions of the text (see `MentionResolver`).
extension MentionResolver {
    // MARK: - Support

    struct Support {
        var accepted: Set<Int32> = []
        var implied: Set<Int32> = []

        mutating func accept(_ region: Int32, ancestors: [Int32]) {
            guard accepted.insert(region).inserted else { return }
            implied.formUnion(ancestors)
        }
    }

    func resolveBySupport(_ mentions: inout [Mention], inherited: [Int32]) {
        var support = Support()
        for region in inherited { support.accept(region, ancestors: matcher.ancestors[Int(region)]) }
        for mention in mentions {
            if let region = mention.resolved { support.accept(region, ancestors: matcher.ancestors[Int(region)]) }
        }
        var pending = mentions.indices.filter { mentions[$0].resolved == nil && mentions[$0].threshold.isFinite }
        var rounds = 0
        while !pending.isEmpty && rounds < 6 {
            rounds += 1
            var changed = false
            for index in pending {
                if let region = bestSupported(mentions[index], support) {
                    mentions[index].resolved = region
                    support.accept(region, ancestors: matcher.ancestors[Int(region)])
                    changed = true
                }
            }
            pending.removeAll { mentions[$0].resolved != nil }
            if !changed {
                // Two names that only make sense together: "Washington" and "Whitman County".
                guard let (region, lower) = mutualPair(mentions, pending) else { break }
                support.accept(region, ancestors: matcher.ancestors[Int(region)])
                support.accept(lower, ancestors: matcher.ancestors[Int(lower)])
            }
        }
    }

    func bestSupported(_ mention: Mention, _ support: Support) -> Int32? {
        var best: Int32?
        var bestScore = 0.0
        var tie = false
        for candidate in mention.candidates {
            let score = self.score(candidate, support)
            if score > bestScore {
                best = candidate
                bestScore = score
                tie = false
            } else if score == bestScore && score > 0 {
                tie = true
            }
        }
        guard let best, !tie, bestScore >= mention.threshold else { return nil }
        return best
    }

    func score(_ candidate: Int32, _ support: Support) -> Double {
        if support.accepted.contains(candidate) { return 3 }
        if support.implied.contains(candidate) { return 2 }
        // A county, district or municipality needs its state (or finer) evidenced, not only its
        // country: "Mandi" (a district of Himachal Pradesh, and the Hindi word for market) in an
        // Andhra Pradesh record is not Mandi district.
        let isLocal = matcher.levels[Int(candidate)] == .local
        for above in matcher.ancestors[Int(candidate)] {
            if isLocal && matcher.levels[Int(above)] == .country { continue }
            let depth = Double(matcher.depths[Int(above)]) * 0.1
            if support.accepted.contains(above) { return 1 + depth }
            if support.implied.contains(above) { return 0.8 + depth }
        }
        return 0
    }

    /// A pending regional name and a pending local name under exactly one of its candidates.
    func mutualPair(_ mentions: [Mention], _ pending: [Int]) -> (Int32, Int32)? {
        // One representative per phrase: a document may repeat the same name hundreds of times.
        var seenPhrases: Set<Int> = []
        let representatives = pending.filter { seenPhrases.insert(mentions[$0].phrase).inserted }
        for upper in representatives {
            let upperCandidates = Set(mentions[upper].candidates)
            for lower in representatives where lower != upper {
                var pairs: [(Int32, Int32)] = []
                for candidate in mentions[lower].candidates {
                    if let above = matcher.ancestors[Int(candidate)].first(where: upperCandidates.contains) {
                        pairs.append((above, candidate))
                    }
                }
                if pairs.count == 1 { return pairs[0] }
            }
        }
        return nil
    }
}
