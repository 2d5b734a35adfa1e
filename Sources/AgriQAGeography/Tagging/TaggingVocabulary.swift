/// Word lists the tagger reads context from. All entries are folded (lowercase, no accents).
enum TaggingVocabulary {
    /// Single words that are also place names somewhere but are ordinary words in English, French,
    /// Portuguese or Spanish (or so generic that they name many regions: "Central", "Nord"). Such a
    /// name only counts when it is qualified ("Central Region", "Est, Cameroun"), designated
    /// ("State of …") or written with its own accents ("Pará", not "para").
    static let commonWords: Set<String> = [
        // English
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as",
        "is", "it", "be", "are", "was", "were", "this", "that", "these", "those", "not", "no", "yes",
        "all", "any", "some", "most", "more", "less", "many", "much", "few", "each", "every", "other",
        "such", "same", "new", "old", "first", "last", "next", "best", "good", "bad", "high", "low",
        "long", "short", "big", "small", "large", "great", "little", "male", "female", "store", "sale",
        "sales", "bay", "coast", "lake", "lakes", "gulf", "pool", "delta", "plateau", "plateaux",
        "central", "centre", "center", "north", "south", "east", "west", "northern", "southern",
        "eastern", "western", "northeast", "northwest", "southeast", "southwest", "upper", "lower",
        "middle", "capital", "city", "island", "islands", "valley", "mountain", "mountains", "river",
        "sea", "border", "unity", "union", "liberty", "independence", "hope", "peace", "paradise",
        "progress", "victory", "bar", "mon", "van", "var", "lot", "may", "mark", "paul", "mary", "john",
        "bury", "saga", "bale", "bales", "acre", "acres", "mono", "cape", "sides", "chin", "sal", "salt",
        "orange", "gold", "golden", "green", "red", "white", "black", "blue", "brown", "grand", "royal",
        "summit", "plains", "prairie", "forest", "grove", "spring", "springs", "falls", "fall", "meta",
        "pest", "pests", "christmas", "sahel", "easter", "trinity", "providence", "concord", "harmony",
        "maritime", "littoral", "savanes", "kara", "nip", "lib", "ra", "ba", "ig", "mie", "bam", "lau",
        "aur", "boe", "haa", "eua", "sid", "rae", "uri", "zug", "yap", "ebon", "most", "tori", "sila",
        "rouge", "nara", "ica", "lima", "leon", "jaen", "colon", "durazno",
        "colonia", "limon", "cortes", "cayo", "valle", "salto", "rocha", "santa", "san", "pita",
        // French
        "nord", "sud", "est", "ouest", "centre", "la", "le", "les", "de", "du", "des", "en", "et", "ou",
        "un", "une", "sur", "sous", "pour", "par", "avec", "dans", "sont", "plus", "tout", "tous",
        "aube", "manche", "somme", "marne", "cher", "orne", "gard", "ain", "lot", "oise", "eure",
        "indre", "tarn", "vienne", "landes", "nievre", "meuse", "vendee", "doubs", "jura", "vosges",
        // Portuguese and Spanish
        "norte", "sur", "sul", "leste", "oeste", "centro", "este", "para", "como", "mar", "porto", "nova",
        "campo", "alto", "natal", "palmas", "vitoria", "esperanca", "uniao", "feliz", "alegre", "bonito",
        "cristal", "amparo", "paraiso", "progresso", "liberdade", "independencia", "jardim", "lagoa",
        "areia", "ouro", "prata", "pedra", "pedras", "serra", "vale", "bela", "belo", "luz", "paz", "el",
        "los", "las", "del", "y", "o", "con", "sin", "sobre", "entre", "por", "mas", "isla", "granada",
        "guarda", "faro", "prato", "massa", "latina", "fermo", "gana",
    ]

    /// Names that are ordinary words in English only ("Chili" is Chile in French and Dutch, a
    /// pepper in English): common in texts that read as English.
    static let englishCommonWords: Set<String> = ["chili"]

    /// Function words that tell English text from French, Portuguese and Spanish text.
    static let englishFunctionWords: Set<String> = ["the", "and", "of", "with", "is", "are", "for"]
    static let romanceFunctionWords: Set<String> = [
        "le", "la", "les", "des", "du", "et", "est", "une", "os", "das", "dos", "em", "que", "um", "uma",
        "los", "las", "el", "y", "por", "con",
    ]

    /// Multi-word names that are ordinary phrases ("West Coast" of New Zealand, "North West" of
    /// South Africa): treated like `commonWords`.
    static let commonPhrases: Set<String> = [
        "west coast", "east coast", "north east", "north west", "south east", "south west",
        "north central", "south central", "far west", "far north", "mid west", "central west",
        "upper east", "upper west", "free state", "new south", "capital region", "central region",
        "western region", "eastern region", "northern region", "southern region", "capital territory",
    ]

    /// Names that are also common given or family names: they need evidence of the place itself
    /// (a qualifier, a designation such as "Washington State" or "eastern Washington", a county
    /// of the state, the place named unambiguously elsewhere in the text).
    static let personLikeNames: Set<String> = [
        "washington", "jordan", "chad", "victoria", "nelson", "wellington", "santiago", "dominique",
    ]

    /// First words of names that are as often streets, neighbourhoods or surnames ("Bel Air",
    /// "Saint Martin"): such names need support like one-word names.
    static let placeNamePrefixes: Set<String> = [
        "saint", "st", "sainte", "ste", "san", "santa", "santo", "sao", "bel", "belle", "port", "fort",
        "mont", "mount",
    ]

    /// Words that make a nearby place name an institution ("Washington State University",
    /// "Ministry of Agriculture of Kenya", "Universidade Federal de Mato Grosso").
    static let institutionWords: Set<String> = [
        "university", "universidade", "universidad", "universite", "universitat", "universita",
        "college", "extension", "institute", "instituto", "institut", "istituto", "ministry",
        "ministere", "ministerio", "department", "departamento", "departement", "government",
        "governo", "gobierno", "gouvernement", "council", "agency", "board", "service", "services",
        "station", "secretariat", "secretaria", "bureau", "commission", "authority", "corporation",
        "agrilife", "outreach", "polytechnic", "academy", "embrapa", "empresa", "vishwavidyalaya",
        "vidyapeeth", "krishi", "sansthan", "kendra", "directorate",
    ]

    /// Prepositions that link an institution to its place ("of", "de", "du", …).
    static let linkingWords: Set<String> = ["of", "de", "do", "da", "du", "des", "del", "d", "di", "dos", "das"]

    /// Articles that may stand between a linking word and the place ("of the Gambia", "de l'Est").
    static let articles: Set<String> = ["the", "l", "la", "le", "les", "el", "a", "o"]

    /// Words after a name that designate it as a region ("Washington State", "Central Region").
    static let designationsAfter: Set<String> = [
        "state", "province", "region", "district", "county", "department", "governorate", "division",
        "prefecture", "municipality", "territory", "parish", "borough",
    ]

    /// Words before "of"/"de"/"do"… that designate the next name as a region ("State of
    /// Washington", "estado do Acre", "région de l'Est").
    static let designationsBefore: Set<String> = [
        "state", "province", "region", "district", "county", "department", "governorate", "estado",
        "etat", "provincia", "regiao", "departement", "departamento", "distrito", "municipio",
        "commune", "republic", "republica", "republique", "kingdom",
    ]

    /// Directions before a name that mark it as a place ("eastern Washington").
    static let directions: Set<String> = [
        "eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
        "southeastern", "southwestern", "north", "south", "east", "west", "northeast", "northwest",
        "southeast", "southwest", "upstate", "downstate", "coastal", "inland", "rural", "across",
        "throughout", "statewide",
    ]

    /// Headings after which a research article's text is its reference list; place names there
    /// are publishers' cities and journal names, not the subject of the document.
    static let referenceHeadings: Set<String> = [
        "references", "reference", "bibliography", "literature cited", "works cited", "references cited",
        "references and notes", "referencias", "referencias bibliograficas", "references bibliographiques",
        "bibliographie", "referencias bibliograficas citadas", "literatura citada",
    ]
}
