/// Institutions tied to one region whose names do not follow the "<place> State University" /
/// "University of <place>" patterns the tagger recognises by itself, or whose place name is
/// ambiguous ("University of Georgia" is the US state, not the country). Written as they appear;
/// entries in capitals are acronyms and only match in capitals.
enum KnownInstitutions {
    static let entries: [(name: String, region: String)] = [
        ("University of Georgia", "US-GA"), ("UGA", "US-GA"), ("UGA Extension", "US-GA"),
        ("UGA Cooperative Extension", "US-GA"), ("Georgia State University", "US-GA"),
        ("Washington State University", "US-WA"), ("WSU", "US-WA"), ("WSU Extension", "US-WA"),
        ("UC Agriculture and Natural Resources", "US-CA"), ("UC ANR", "US-CA"), ("UCANR", "US-CA"),
        ("University of California Agriculture and Natural Resources", "US-CA"),
        ("UC Cooperative Extension", "US-CA"), ("UCCE", "US-CA"), ("UC Davis", "US-CA"),
        ("UC Riverside", "US-CA"),
        ("Penn State Extension", "US-PA"), ("Penn State", "US-PA"), ("Purdue University", "US-IN"),
        ("Purdue Extension", "US-IN"), ("Cornell Cooperative Extension", "US-NY"),
        ("Cornell University", "US-NY"), ("Clemson University", "US-SC"), ("Clemson Extension", "US-SC"),
        ("Clemson Cooperative Extension", "US-SC"), ("Auburn University", "US-AL"),
        ("LSU AgCenter", "US-LA"), ("UF IFAS", "US-FL"), ("UF/IFAS", "US-FL"), ("IFAS Extension", "US-FL"),
        ("NC State Extension", "US-NC"), ("NC State University", "US-NC"), ("Texas A&M AgriLife", "US-TX"),
        ("Texas A&M", "US-TX"), ("AgriLife Extension", "US-TX"), ("Virginia Tech", "US-VA"),
        ("K-State Research and Extension", "US-KS"), ("NDSU Extension", "US-ND"), ("NDSU", "US-ND"),
        ("UMN Extension", "US-MN"), ("NMSU", "US-NM"), ("UNL Extension", "US-NE"), ("UW-Madison", "US-WI"),
        ("USDA", "US"), ("United States Department of Agriculture", "US"),
        ("U.S. Department of Agriculture", "US"), ("NRCS", "US"),
        ("Natural Resources Conservation Service", "US"), ("USDA-ARS", "US"),
        ("Embrapa", "BR"), ("EMBRAPA", "BR"), ("Empresa Brasileira de Pesquisa Agropecuária", "BR"),
        ("ICAR", "IN"), ("Indian Council of Agricultural Research", "IN"), ("Krishi Vigyan Kendra", "IN"),
        ("TNAU", "IN-TN"), ("Punjab Agricultural University", "IN-PB"),
        ("University of Agriculture Faisalabad", "PK-PB"), ("University of Agriculture, Faisalabad", "PK-PB"),
        ("KALRO", "KE"), ("Kenya Agricultural and Livestock Research Organization", "KE"),
        ("Kenya Agricultural and Livestock Research Organisation", "KE"), ("KEPHIS", "KE"),
        ("EIAR", "ET"), ("Ethiopian Institute of Agricultural Research", "ET"),
        ("ISRA", "SN"), ("Institut sénégalais de recherches agricoles", "SN"),
        ("INERA", "BF"), ("TARI", "TZ"), ("ZARI", "ZM"),
        ("Agriculture and Agri-Food Canada", "CA"), ("AAFC", "CA"), ("OMAFRA", "CA-ON"),
        ("DEFRA", "GB"), ("Defra", "GB"), ("AHDB", "GB"), ("GRDC", "AU"), ("CSIRO", "AU"), ("INRAE", "FR"),
    ]
}
