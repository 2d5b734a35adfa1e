import AgriQADomain
import AgriQAGeography

/// Relates a source's regions to the asker's region and turns the relation into a ranking factor:
/// the asker's own region first, then places inside it, then its parents (national guidance), then
/// general material, and other regions down-ranked.
public struct GeographyRanking: Sendable {
    public let gazetteer: Gazetteer
    /// Region tags weaker than this are ignored when relating a source to the asker.
    public var minimumWeight = 0.3

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    public static func factor(_ relation: RegionRelation) -> Double {
        switch relation {
        case .same: return 1.6
        case .child: return 1.4
        case .parent: return 1.2
        case .none: return 1.0
        case .other: return 0.6
        }
    }

    /// The closest relation among the source's (sufficiently strong) tags.
    public func relation(of regions: [(code: String, weight: Double)], to asker: RegionCode?) -> RegionRelation {
        relator(for: asker)(regions)
    }

    /// ``relation(of:to:)`` for one asker and many sources: the asker's ancestors are looked up once.
    func relator(for asker: RegionCode?) -> ([(code: String, weight: Double)]) -> RegionRelation {
        guard let asker else { return { _ in .none } }
        let askerAncestors = Set(gazetteer.ancestors(of: asker) + [asker.syntacticParent, asker.country].compactMap { $0 })
        return { regions in relation(of: regions, to: asker, askerAncestors: askerAncestors) }
    }

    private func relation(
        of regions: [(code: String, weight: Double)], to asker: RegionCode, askerAncestors: Set<RegionCode>
    ) -> RegionRelation {
        let strong = regions.filter { $0.weight >= minimumWeight }.map { RegionCode($0.code) }
        guard !strong.isEmpty else { return .none }
        // A country tag next to one of that country's subdivisions lying elsewhere does not make the
        // source national guidance: a bulletin tagged Georgia and United States is a Georgia bulletin,
        // "other" for a Washington asker, not "parent". (Below the country level a broader tag keeps
        // its meaning: a California guide that names Fresno County is still state guidance in Kern.)
        let considered = strong.filter { code in
            guard code == code.country else { return true }
            return !strong.contains { other in
                other != code && isInside(other, code) && other != asker && !isInside(other, asker) && !isInside(asker, other)
            }
        }
        var best: RegionRelation = .other
        for code in considered {
            let relation: RegionRelation
            if code == asker {
                relation = .same
            } else if isInside(code, asker) {
                relation = .child
            } else if askerAncestors.contains(code) {
                relation = .parent
            } else {
                relation = .other
            }
            if Self.priority(relation) > Self.priority(best) { best = relation }
        }
        return best
    }

    private func isInside(_ code: RegionCode, _ ancestor: RegionCode) -> Bool {
        if gazetteer.isDescendant(code, of: ancestor) { return true }
        return code.rawValue.hasPrefix(ancestor.rawValue + "/") || code.rawValue.hasPrefix(ancestor.rawValue + "-")
    }

    private static func priority(_ relation: RegionRelation) -> Int {
        switch relation {
        case .same: return 4
        case .child: return 3
        case .parent: return 2
        case .none: return 1
        case .other: return 0
        }
    }
}
