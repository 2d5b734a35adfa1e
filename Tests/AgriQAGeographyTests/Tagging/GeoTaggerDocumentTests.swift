import AgriQADomain
import Testing

@testable import AgriQAGeography

@Suite("Document tagging", .enabled(if: Fixtures.hasSampleGazetteers))
struct GeoTaggerDocumentTests {
    let tagger = Fixtures.tagger

    @Test("an eastern Washington wheat bulletin from WSU Extension is about US-WA first")
    func washingtonExtension() throws {
        let tags = tagger.tagDocument(
            DocumentGeoEvidence(
                title: "Stripe Rust Management in Winter Wheat",
                author: "Washington State University Extension",
                frontMatter: "WASHINGTON STATE UNIVERSITY EXTENSION\nFS 214E\nStripe Rust Management in Winter Wheat",
                body: """
                    Winter wheat is grown on about 1.8 million acres in eastern Washington. Stripe rust is \
                    the most damaging disease of wheat in the Palouse. Growers in Whitman County and \
                    Spokane County, Washington, should scout fields from April. In Washington, epidemics \
                    follow mild winters; resistant varieties are listed in the WSU variety trials. \
                    Fungicide timing matters more in Whitman County than in drier Adams County.
                    """))
        let first = try #require(tags.first)
        #expect(first.code == "US-WA")
        #expect(first.weight > 0.9)
        #expect(tags.codes.contains("US-WA/53075"))  // Whitman County
        #expect(tags.codes.contains("US-WA/53063"))  // Spokane County
        #expect(!tags.codes.contains { $0 != "US-WA" && !$0.rawValue.hasPrefix("US-WA/") })
        #expect(tags.allSatisfy { (0...1).contains($0.weight) })
        #expect(zip(tags, tags.dropFirst()).allSatisfy { $0.weight >= $1.weight })
    }

    @Test("a country named in the title stays first despite affiliations and URLs in the references")
    func titleOutranksAffiliationsAndURLs() throws {
        let tags = tagger.tagDocument(
            DocumentGeoEvidence(
                title: "Women's bargaining power in the common bean value chain in Mozambique",
                frontMatter: "International Center for Tropical Agriculture, Nairobi, Kenya. Kenya Agricultural Research Institute, Kenya.",
                body: """
                    Bean traders in Mozambique buy from smallholders in Gurué. Kenya and Malawi are export markets.                     References: FAO. Mozambique at a glance. https://www.fao.org/mozambique/fao-in-mozambique
                    """))
        #expect(tags.first?.code == "MZ")
        #expect(tags.first?.evidence == .title)
    }

    @Test("false friends never tag a document")
    func falseFriends() throws {
        let tags = tagger.tagDocument(
            DocumentGeoEvidence(
                title: "Garden Pests and Weeds",
                frontMatter: "Garden Pests and Weeds",
                body: """
                    The Colorado potato beetle and the Japanese beetle defoliate potatoes, while the Mexican \
                    bean beetle attacks beans. Kentucky bluegrass, Bermuda grass and Sudan grass lawns are \
                    invaded by Canada thistle. Guinea fowl and turkey poults eat insects; a wild turkey \
                    will too. Turkey Poults need supplemental heat. Brazil nuts, Indian corn, Egyptian \
                    cotton, Texas root rot, Virginia creeper, Spanish needles, Swiss chard, Jerusalem \
                    artichoke, Brussels sprouts, New Zealand spinach, Dutch elm disease and China aster \
                    complete the list. Guinea grass is a forage. Most growers plant in May. The turkey is \
                    a bird. Jersey cows and Angus cattle graze. Lima beans need warm soil. George \
                    Washington Carver promoted peanuts.
                    """))
        #expect(tags.isEmpty, "\(tags)")
    }

    @Test("Georgia with University of Georgia and Tifton is the US state, not the country")
    func georgiaPeanuts() throws {
        let tags = tagger.tagDocument(
            DocumentGeoEvidence(
                title: "Peanut Production Guide",
                author: "University of Georgia Cooperative Extension",
                frontMatter: "UNIVERSITY OF GEORGIA COOPERATIVE EXTENSION\nTifton Campus",
                body: """
                    Peanuts are grown across south Georgia. Trials at the Tifton campus show that planting \
                    dates affect tomato spotted wilt. Georgia growers produce nearly half of the U.S. \
                    peanut crop, led by Tift County and Worth County.
                    """))
        #expect(tags.first?.code == "US-GA")
        #expect(!tags.codes.contains("GE"))
        #expect(tags.codes.contains("US-GA/13277"))  // Tift County
    }

    @Test("Georgia, Washington or Punjab alone, with no context, do not tag")
    func ambiguousWithoutContext() throws {
        for body in [
            "Peanuts are grown in Georgia. Georgia is a large producer.",
            "Apples from Washington are sold widely. Washington growers export them.",
            "Punjab grows wheat and rice. Punjab farmers burn stubble.",
        ] {
            let tags = tagger.tagDocument(DocumentGeoEvidence(title: "Crop notes", body: body))
            #expect(tags.isEmpty, "\(body) → \(tags)")
        }
    }

    @Test("Punjab follows India or Pakistan context")
    func punjab() throws {
        let india = tagger.tagDocument(
            DocumentGeoEvidence(body: "Punjab and Haryana are India's wheat bowl. In Punjab, rice follows wheat."))
        #expect(india.codes.contains("IN-PB"))
        #expect(!india.codes.contains("PK-PB"))
        let pakistan = tagger.tagDocument(
            DocumentGeoEvidence(body: "Punjab and Sindh grow most of Pakistan's cotton. In Punjab, whitefly is rising."))
        #expect(pakistan.codes.contains("PK-PB"))
        #expect(!pakistan.codes.contains("IN-PB"))
    }

    @Test("a French text about Senegal is tagged SN")
    func frenchSenegal() throws {
        let tags = tagger.tagDocument(
            DocumentGeoEvidence(
                title: "La culture de l’arachide au Sénégal",
                frontMatter: "Institut sénégalais de recherches agricoles (ISRA), Dakar",
                body: """
                    Au Sénégal, l’arachide est cultivée dans le bassin arachidier. Le Sénégal en est le \
                    premier producteur d’Afrique de l’Ouest. Les régions de Kaolack et de Kaffrine sont \
                    les plus productives. Il est bon de semer tôt.
                    """))
        #expect(tags.first?.code == "SN")
        #expect(tags.codes.contains("SN-KA"))  // Kaffrine
    }

    @Test("a Portuguese text about Mato Grosso is tagged BR-MT")
    func portugueseMatoGrosso() throws {
        let tags = tagger.tagDocument(
            DocumentGeoEvidence(
                title: "Produtividade da soja em Mato Grosso",
                frontMatter: "Embrapa Agrossilvipastoril, Sinop, MT",
                body: """
                    Mato Grosso é o maior produtor de soja do Brasil. Em Sorriso (MT) e em Lucas do Rio \
                    Verde a soja é semeada em setembro. Para isso, os produtores de Mato Grosso usam \
                    plantio direto. Como em outros estados, a colheita termina em fevereiro.
                    """))
        #expect(tags.first?.code == "BR-MT")
        #expect(tags.codes.contains("BR-MT/5107925"))  // Sorriso
        #expect(!tags.codes.contains("BR-PA"))  // "Para isso" is not the state of Pará
    }

    @Test("an ordinary word counts as a place only with the place's own accents")
    func accentsTellPlaceFromWord() throws {
        let tags = tagger.tagDocument(
            DocumentGeoEvidence(
                body: "O Pará e o Tocantins plantam soja no Brasil. Para isso, o Pará usa calcário."))
        #expect(tags.codes.contains("BR-PA"))
        let lowercaseOnly = tagger.tagDocument(
            DocumentGeoEvidence(body: "Para isso, os produtores do Brasil usam calcário. Para o milho também."))
        #expect(!lowercaseOnly.codes.contains("BR-PA"))
    }

    @Test("national Kenyan guidance gets the country tag first")
    func kenyaNational() throws {
        let tags = tagger.tagDocument(
            DocumentGeoEvidence(
                title: "National Guidelines for Maize Production",
                author: "Ministry of Agriculture, Livestock and Fisheries",
                frontMatter: "Republic of Kenya\nMinistry of Agriculture of Kenya",
                body: """
                    Maize is the staple food of Kenya. Farmers in Nakuru, Uasin Gishu and Trans Nzoia \
                    produce most of Kenya's maize, and Kenya imports grain in deficit years.
                    """))
        #expect(tags.first?.code == "KE")
        #expect(tags.first?.evidence == .publisher || tags.first?.evidence == .mention)
        #expect(tags.codes.contains("KE-44"))  // Uasin Gishu
    }

    @Test("title, metadata and publisher outweigh passing mentions")
    func evidenceStrength() throws {
        let tags = tagger.tagDocument(
            DocumentGeoEvidence(
                title: "Irrigation scheduling in Idaho", subject: "Idaho; irrigation",
                body: "Idaho potatoes need steady moisture. Unlike Oregon, Idaho fields are sprinkler-irrigated."))
        let idaho = try #require(tags.tag("US-ID"))
        let oregon = try #require(tags.tag("US-OR"))
        #expect(idaho.evidence == .title)
        #expect(idaho.weight > oregon.weight)
        #expect(oregon.evidence == .mention)
    }

    @Test("people's names are not places")
    func personNames() throws {
        let tags = tagger.tagDocument(
            DocumentGeoEvidence(
                author: "Virginia Rossi; Dominique Martin",
                frontMatter: "Virginia Rossi and Dominique Martin",
                body: "As Moyo et al. (2020) and Rivas (2019) showed, J. Rivas was right. Rossi, V. agrees."))
        #expect(tags.isEmpty, "\(tags)")
    }

    @Test("place names in the reference list do not tag")
    func referenceList() throws {
        let body = String(repeating: "Soil moisture was measured every week in the trial plots. ", count: 60)
            + "\nReferences\n"
            + "Smith J (2019) Wheat in Kansas. Manhattan, Kansas: Kansas State University Press.\n"
        let tags = tagger.tagDocument(DocumentGeoEvidence(body: body))
        #expect(tags.isEmpty, "\(tags)")
    }
}
