import AgriQADomain
import Foundation

extension Gazetteer {
    /// Every country (iso_3166-1.json) and subdivision (iso_3166-2.json) from Debian's iso-codes,
    /// with translated country names from the iso-codes gettext catalogs
    /// (`<localeDirectory>/<lang>/LC_MESSAGES/iso_3166-1.mo`) for `BuiltInAliases.defaultLanguages`
    /// (fr, pt, pt_BR, es, de, it, nl, id), so French and Portuguese documents tag too.
    ///
    /// Second-level ISO entries (French départements, Italian provinces, …) get their ISO parent
    /// ("FR-33" → "FR-NAQ"), so their ancestors are [FR-NAQ, FR]. A missing catalog is skipped; a
    /// missing JSON file is an error.
    public static func builtIn(
        isoCodesDirectory: String = "/usr/share/iso-codes/json",
        localeDirectory: String = "/usr/share/locale"
    ) throws(GazetteerError) -> Gazetteer {
        try builtIn(
            isoCodesDirectory: isoCodesDirectory, localeDirectory: localeDirectory,
            languages: BuiltInAliases.defaultLanguages)
    }

    /// As `builtIn(isoCodesDirectory:localeDirectory:)`, with the translation languages chosen.
    public static func builtIn(
        isoCodesDirectory: String, localeDirectory: String, languages: [String]
    ) throws(GazetteerError) -> Gazetteer {
        let countries = try ISOCodes.countries(in: isoCodesDirectory)
        let subdivisions = try ISOCodes.subdivisions(in: isoCodesDirectory)
        let catalogs = languages.compactMap { language -> GettextCatalog? in
            let path = "\(localeDirectory)/\(language)/LC_MESSAGES/iso_3166-1.mo"
            return try? GettextCatalog(contentsOf: path)
        }

        var gazetteer = Gazetteer()
        gazetteer.reserve(countries.count + subdivisions.count)
        for country in countries {
            let code = RegionCode(country.alpha_2.uppercased())
            var aliases: [String] = []
            let englishNames = [country.name, country.official_name, country.common_name].compactMap { $0 }
            for english in englishNames {
                if english != country.name { aliases.append(english) }
                aliases.append(contentsOf: BuiltInAliases.derivedNames(of: english))
                for catalog in catalogs {
                    if let translated = catalog[english] {
                        aliases.append(translated)
                        aliases.append(contentsOf: BuiltInAliases.derivedNames(of: translated))
                    }
                }
            }
            aliases.append(contentsOf: BuiltInAliases.countries[code.rawValue] ?? [])
            gazetteer.insert(Region(code: code, name: country.name, level: .country, aliases: aliases))
            if let alpha3 = country.alpha_3 { gazetteer.setAlpha3(alpha3, for: code) }
        }
        for subdivision in subdivisions {
            let code = RegionCode(subdivision.code.uppercased())
            let country = code.country
            let parent = subdivision.parent.map { RegionCode("\(country.rawValue)-\($0.uppercased())") } ?? country
            gazetteer.insert(
                Region(
                    code: code, name: subdivision.name, level: .subdivision, parent: parent,
                    aliases: BuiltInAliases.derivedNames(of: subdivision.name)))
        }
        gazetteer.applyBuiltInSubdivisionAliases()
        gazetteer.applyCodeGroups()
        return gazetteer
    }

    mutating func reserve(_ capacity: Int) {
        storage.reserveCapacity(capacity)
        indexOfCode.reserveCapacity(capacity)
        nameIndex.reserveCapacity(capacity * 2)
    }

    private mutating func applyBuiltInSubdivisionAliases() {
        for entry in BuiltInAliases.subdivisions {
            if let region = subdivision(exactlyNamed: entry.name, in: RegionCode(entry.country)) {
                addAliases(entry.aliases, to: region.code)
            }
        }
    }

    /// Maps every code of a group to the one present in this gazetteer.
    mutating func applyCodeGroups() {
        for group in BuiltInAliases.codeGroups {
            let codes = group.map(RegionCode.init(rawValue:))
            guard let present = codes.first(where: { indexOfCode[$0] != nil }) else { continue }
            for code in codes where code != present {
                setCodeAlias(code, for: present)
            }
        }
    }

    /// A first-level subdivision of `country` whose name or alias folds to the same key as `name`.
    func subdivision(exactlyNamed name: String, in country: RegionCode) -> Region? {
        let key = FoldingTokenizer.key(name)
        return (nameIndex[key] ?? []).lazy.map { storage[$0] }
            .first { $0.level == .subdivision && $0.code.country == country }
    }
}
