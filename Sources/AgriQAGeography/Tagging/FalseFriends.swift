/// Phrases that contain a place name but do not mean the place: crop, weed, pest, disease and
/// breed names ("Colorado potato beetle", "Kentucky bluegrass", "Jersey cows"), rivers that
/// cross many states, and people ("George Washington"). The tagger masks them before matching,
/// so they never tag a document, whatever their capitalization.
///
/// Demonym phrases from the same family ("Japanese beetle", "Swiss chard", "Spanish needles",
/// "Egyptian cotton", "Mexican bean beetle", "Dutch elm disease", "Indian corn") cannot tag anyway
/// (adjectives are not region names); a few are listed so the intent is explicit.
enum FalseFriends {
    static let phrases: [String] = [
        // Pests and diseases
        "Colorado potato beetle", "Colorado potato beetles", "Japanese beetle", "Mexican bean beetle",
        "Texas root rot", "Dutch elm disease", "Panama disease", "Panama wilt", "Texas tick fever",
        "California red scale", "Florida red scale", "Guinea worm", "Kentucky 31",
        // Weeds, forages, crops and varieties
        "Kentucky bluegrass", "Kentucky coffeetree", "Kentucky Wonder", "Bermuda grass", "Bermuda grasses",
        "Bermuda onion", "Bermuda buttercup", "Sudan grass", "Sudangrass", "Canada thistle",
        "Canada bluegrass", "Canada wildrye", "Canada goose", "Canada geese", "Guinea grass",
        "Guinea fowl", "Guinea fowls", "Guinea hen", "Guinea hens", "Guinea pig", "Guinea pigs",
        "Guinea corn", "Brazil nut", "Brazil nuts", "Indian corn", "Egyptian cotton", "Virginia creeper",
        "Virginia pepperweed", "Virginia buttonweed", "Virginia pine", "Virginia type", "Virginia-type",
        "Virginia wildrye", "Swiss chard", "Jerusalem artichoke", "Jerusalem artichokes",
        "Brussels sprouts", "Brussels sprout", "New Zealand spinach", "New Zealand white", "China aster",
        "Texas panicum", "Pennsylvania smartweed", "Florida beggarweed", "Florida pusley",
        "Bahia grass", "Para grass", "Guatemala grass", "Congo grass", "Angola pea", "Lima bean",
        "Lima beans", "Madeira vine", "Barbados cherry", "Barbados nut", "Chile pepper", "Chile peppers", "Chili pepper", "Chili peppers", "Chili powder", "Chili sauce",
        "Tabasco pepper", "Tabasco peppers", "Tabasco sauce", "Valencia orange", "Valencia oranges",
        "Valencia peanut", "Valencia peanuts", "Paris green", "Delaware grape", "Arkansas Traveler",
        "Niger seed", "Rangpur lime", "Mozambique tilapia", "California poppy",
        "Guinea savanna", "Guinea savannah", "Guinea savannas", "Guinea savannahs", "Sudan savanna",
        "Sudan savannah", "Sudan savannas", "Shiga toxin", "Shiga toxins", "Shiga-like",
        // Breeds
        "Jersey cow", "Jersey cows", "Jersey cattle", "Jersey heifer", "Jersey heifers", "Jersey bull",
        "Jersey breed", "Jersey milk", "Jersey Giant", "Guernsey cow", "Guernsey cows",
        "Guernsey cattle", "Rhode Island Red", "Rhode Island Reds", "Rhode Island White",
        "New Hampshire Red", "New Hampshire Reds", "Angus cattle", "Angus bull", "Angus bulls",
        "Angus cow", "Angus cows", "Angus steer", "Angus steers", "Angus heifer", "Angus heifers",
        "Angus beef", "Black Angus", "Red Angus", "Aberdeen Angus", "Devon cattle", "Kerry cattle",
        "Suffolk sheep", "Suffolk ewe", "Suffolk ewes", "Suffolk ram", "Suffolk rams", "Suffolk cross",
        "Suffolk Punch", "Hampshire sheep", "Hampshire pig", "Hampshire pigs", "Hampshire hog",
        "Hampshire Down", "Dorset sheep", "Dorset Horn", "Dorset ewes",
        // Turkey the bird
        "wild turkey", "wild turkeys", "turkey poult", "turkey poults", "turkey hen", "turkey hens",
        "turkey tom", "turkey toms", "turkey flock", "turkey flocks", "turkey farm", "turkey farms",
        "turkey production", "turkey producers", "turkey growers", "turkey meat", "turkey breast",
        "turkey litter", "turkey manure", "turkey vulture", "turkey vultures", "turkey feed",
        "turkey house", "turkey houses", "turkey barn", "turkey industry", "turkey breeder",
        "turkey breeders", "turkey egg", "turkey eggs", "turkey coryza", "turkey rhinotracheitis",
        "brush turkey", "turkey and chicken", "chicken and turkey", "broiler and turkey",
        // Rivers crossing many states
        "Mississippi River", "Missouri River", "Ohio River", "Colorado River", "Arkansas River",
        "Tennessee River", "Delaware River", "Kansas River", "Connecticut River", "Columbia River",
        // Publishers' addresses
        "Springer Nature Switzerland", "Springer International Publishing Switzerland",
        "MDPI, Basel, Switzerland", "CABI, Wallingford, UK", "Wallingford, UK", "BioMed Central",
        // People and papers
        "George Washington", "George Washington Carver", "Booker T. Washington", "Washington Carver",
        "Martha Washington", "Denzel Washington", "Washington Irving", "Washington Post",
        "Mount Washington", "Queen Victoria", "Lake Victoria",
    ]
}
