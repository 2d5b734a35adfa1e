import Foundation

/// The words of a text that carry its meaning, for matching questions against sentences: lower-cased,
/// diacritics folded, stop words dropped, lightly stemmed ("seeding" → "seed", "varieties" → "variety").
enum ContentTerms {
    /// A word of the text with its stem.
    struct Term: Hashable, Sendable {
        /// The word as written (lower-cased, folded).
        var word: String
        var stem: String
    }

    /// Every word (letters and digits), lower-cased with diacritics folded, in order.
    static func words(_ text: String) -> [String] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
                .split { !($0.isLetter || $0.isNumber) }.map(String.init)
        }
        // ASCII (most text): bytes, without Unicode property look-ups or folding.
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A: current.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39: current.append(byte)
            default:
                guard !current.isEmpty else { continue }
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// The content words of `text` in order, repeats kept.
    static func terms(_ text: String) -> [Term] {
        terms(words: words(text))
    }

    /// The content words among `words` (from ``words(_:)``).
    static func terms(words: [String]) -> [Term] {
        words.filter(isContent).map { Term(word: $0, stem: stem($0)) }
    }

    /// The content words of `text` in order of first appearance, one per stem.
    static func uniqueTerms(_ text: String) -> [Term] {
        var seen: Set<String> = []
        return terms(text).filter { seen.insert($0.stem).inserted }
    }

    static func isContent(_ word: String) -> Bool {
        if stopwords.contains(word) { return false }
        if word.allSatisfy(\.isNumber) { return true }
        return word.count >= 2
    }

    /// Whether two stems name the same word: equal, one a prefix of the other of at least five
    /// letters ("fertiliz" / "fertilizer"), or a long shared prefix ("irrigat|ion" / "irrigat|e").
    static func matches(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        // UTF-8 views: counts are O(1), and stems are nearly all ASCII after folding.
        let (shorter, longer) = a.utf8.count <= b.utf8.count ? (a.utf8, b.utf8) : (b.utf8, a.utf8)
        if shorter.count >= 5, longer.starts(with: shorter) { return true }
        guard shorter.count >= 6 else { return false }
        var common = 0
        for (x, y) in zip(shorter, longer) {
            guard x == y else { break }
            common += 1
        }
        return common >= 6 && Double(common) >= 0.75 * Double(shorter.count)
    }

    /// Whether any of `stems` matches `stem`.
    static func contains(_ stems: [String], _ stem: String) -> Bool {
        stems.contains { matches($0, stem) }
    }

    /// A light English stemmer: plurals, "-ing", "-ed". Deliberately conservative; `matches` covers
    /// the rest with prefixes.
    static func stem(_ word: String) -> String {
        var w = word
        guard w.count >= 4, !w.allSatisfy(\.isNumber) else { return w }
        if w.hasSuffix("ies"), w.count > 4 {
            w = String(w.dropLast(3)) + "y"
        } else if w.hasSuffix("sses") {
            w = String(w.dropLast(2))
        } else if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is"), w.count > 3 {
            w = String(w.dropLast())
        }
        if w.hasSuffix("ing"), let stripped = strip(w, suffix: 3) {
            w = stripped
        } else if w.hasSuffix("ed"), !w.hasSuffix("eed"), let stripped = strip(w, suffix: 2) {
            w = stripped
        }
        return w
    }

    /// `word` without its last `suffix` letters when a real stem (three letters or more, with a vowel)
    /// remains, a doubled final consonant undone ("cropping" → "crop").
    private static func strip(_ word: String, suffix: Int) -> String? {
        var stem = String(word.dropLast(suffix))
        guard stem.count >= 3, stem.contains(where: { "aeiouy".contains($0) }) else { return nil }
        if let last = stem.last, let previous = stem.dropLast().last, last == previous,
            !"aeioulsz".contains(last), stem.count > 3
        {
            stem.removeLast()
        }
        return stem
    }

    /// Function words of English (and the most common ones of French and Portuguese, which part of
    /// the corpus is in), plus question words that say nothing about the topic. Not "mais": French
    /// for maize as well as Portuguese for "more".
    static let stopwords: Set<String> = [
        // English
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "done", "down", "during", "each", "else", "few", "for", "from", "further", "get", "got",
        "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in",
        "into", "is", "it", "its", "itself", "just", "let", "like", "may", "me", "might", "more", "most", "much",
        "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
        "out", "over", "own", "please", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
        "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "thus", "to", "too", "under",
        "until", "up", "us", "use", "used", "using", "very", "want", "was", "we", "were", "what", "when", "where",
        "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "yes", "you", "your",
        "yours", "s", "t", "don", "doesn", "isn", "aren", "can't", "best", "good", "way", "ways", "need", "needs",
        "tell", "know", "thing", "things", "there's", "it's", "i'm", "ok", "okay", "hi", "hello", "thanks", "thank",
        "instead", "too", "anything", "something", "many", "often",
        // French
        "le", "la", "les", "un", "une", "des", "du", "de", "et", "en", "au", "aux", "pour", "par", "sur", "dans",
        "que", "qui", "quoi", "quand", "comment", "est", "sont", "ce", "ces", "cette", "il", "elle", "ils", "elles",
        "je", "nous", "vous", "mon", "ma", "mes", "son", "sa", "ses", "leur", "leurs", "avec", "sans", "ou", "pas",
        "ne", "se", "plus",
        // Portuguese
        "o", "os", "as", "um", "uma", "do", "da", "dos", "das", "e", "em", "no", "na", "nos", "nas", "para", "com",
        "por", "ao", "aos", "que", "quando", "como", "qual", "quais", "eu", "meu", "minha", "ele", "ela", "se",
        "ou", "sem", "sobre",
    ]
}
