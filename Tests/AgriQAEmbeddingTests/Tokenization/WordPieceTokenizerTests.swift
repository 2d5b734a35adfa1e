import AgriQAEmbedding
import Foundation
import Testing

struct WordPieceTokenizerTests {
    static let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "plant", "##ing", "##s", "un", "##want",
                             "##ed", "maize", ",", "x"]

    func tokenizer(maxLength: Int = 512) throws -> WordPieceTokenizer {
        try WordPieceTokenizer(vocabulary: Self.vocabulary, maxLength: maxLength, maxInputCharactersPerWord: 10)
    }

    @Test func splitsWordsIntoLongestPieces() throws {
        let tokenizer = try tokenizer()
        #expect(tokenizer.tokenize("Planting unwanted plants, maize") ==
            ["plant", "##ing", "un", "##want", "##ed", "plant", "##s", ",", "maize"])
        #expect(tokenizer.encode("planting") == [2, 5, 6, 3])
    }

    @Test func unmatchedOrOverlongWordsBecomeUnknown() throws {
        let tokenizer = try tokenizer()
        #expect(tokenizer.tokenize("plantx maize") == ["[UNK]", "maize"])
        #expect(tokenizer.tokenize("xxxxxxxxxxx maize") == ["[UNK]", "maize"])  // 11 > 10 characters
    }

    @Test func truncatesToMaxLengthIncludingSpecialTokens() throws {
        let tokenizer = try tokenizer(maxLength: 5)
        #expect(tokenizer.encode("planting unwanted maize") == [2, 5, 6, 8, 3])
        #expect(tokenizer.encode("") == [2, 3])
    }

    @Test func specialTokensWrittenInTheTextKeepTheirIDs() throws {
        let tokenizer = try tokenizer()
        #expect(tokenizer.encode("maize [SEP] plant[MASK]") == [2, 11, 3, 5, 4, 3])
        // Matching is case-sensitive, as in tokenizers: "[sep]" is ordinary text "[", "sep", "]".
        #expect(tokenizer.encode("[sep]") == [2, 1, 1, 1, 3])
    }

    @Test func missingSpecialTokensAreAnError() {
        #expect(throws: TokenizerError.missingSpecialToken(token: "[CLS]", directory: "vocabulary")) {
            try WordPieceTokenizer(vocabulary: ["[UNK]", "[SEP]"])
        }
        #expect(throws: TokenizerError.invalidMaxLength(1)) {
            try WordPieceTokenizer(vocabulary: Self.vocabulary, maxLength: 1)
        }
    }

    @Test func loadsVocabularyFromTokenizerJSONWhenThereIsNoVocabTxt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let vocab = Self.vocabulary.enumerated().map { "\"\($1)\":\($0)" }.joined(separator: ",")
        try directory.write("""
            {"normalizer":{"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":true,
             "strip_accents":null,"lowercase":false},
             "added_tokens":[{"id":3,"content":"[SEP]","special":true}],
             "model":{"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"##",
                      "max_input_chars_per_word":100,"vocab":{\(vocab)}}}
            """, to: "tokenizer.json")
        let tokenizer = try WordPieceTokenizer.load(directory: directory.url, maxLength: 16)
        #expect(tokenizer.vocabulary == Self.vocabulary)
        #expect(tokenizer.basic.lowercase == false)
        #expect(tokenizer.encode("maize Maize [SEP]") == [2, 11, 1, 3, 3])  // cased: "Maize" is unknown
        // Only tokenizer.json's special added tokens are matched in text: [MASK] is not listed.
        #expect(tokenizer.tokenize("maize [SEP] [MASK]") == ["maize", "[SEP]", "[UNK]", "[UNK]", "[UNK]"])
    }

    @Test func honoursTokenizerConfigWithoutTokenizerJSON() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Self.vocabulary.joined(separator: "\n") + "\n", to: "vocab.txt")
        try directory.write(#"{"do_lower_case": false, "cls_token": {"content": "[CLS]"}}"#, to: "tokenizer_config.json")
        let tokenizer = try WordPieceTokenizer.load(directory: directory.url, maxLength: 16)
        #expect(tokenizer.basic.lowercase == false)
        #expect(tokenizer.tokenize("Maize maize") == ["[UNK]", "maize"])
    }

    @Test func rejectsNonWordPieceTokenizers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(#"{"model":{"type":"BPE","vocab":{"a":0},"merges":[]}}"#, to: "tokenizer.json")
        #expect(throws: TokenizerError.self) { try WordPieceTokenizer.load(directory: directory.url, maxLength: 8) }
    }

    @Test func emptyDirectoryHasNoVocabulary() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: TokenizerError.noVocabulary(directory: directory.url.path)) {
            try WordPieceTokenizer.load(directory: directory.url, maxLength: 8)
        }
    }

    @Test(.enabled(if: InstalledModel.isAvailable, Comment(rawValue: InstalledModel.skipMessage)))
    func idsEqualTheReferenceTokenizerForEveryFixtureSentence() throws {
        let fixture = try ReferenceFixture.load()
        let tokenizer = try WordPieceTokenizer.load(directory: InstalledModel.directory, maxLength: fixture.maxTokens)
        for reference in fixture.cases {
            #expect(tokenizer.encode(reference.text) == reference.ids, "\(reference.text.debugDescription)")
        }
    }
}
