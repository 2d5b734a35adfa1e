import AgriQASynthesis
import Foundation
import Testing

@Suite("near-duplicate removal and the document-level split")
struct DedupeAndSplitTests {
    @Test("Jaccard of content-word sets, hand-checked")
    func jaccardByHand() {
        // {deep, soil, sample, taken} vs {depth, soil, sample, taken}: 3 shared of 5 → 0.6.
        let a = Set(TextTokens.contentWords("How deep should soil samples be taken?"))
        let b = Set(TextTokens.contentWords("At what depth should soil samples be taken?"))
        #expect(a == ["deep", "soil", "sample", "taken"])
        #expect(NearDuplicateFilter.jaccard(a, b) == 0.6)
    }

    @Test("duplicates at or above the threshold are removed, the first of a group is kept")
    func filterDecisions() {
        var filter = NearDuplicateFilter(threshold: 0.6)
        #expect(filter.admit("How deep should soil samples be taken?") == .kept(index: 0))
        #expect(filter.admit("How deep should soil samples be taken?") == .duplicate(of: 0, similarity: 1))
        #expect(filter.admit("At what depth should soil samples be taken?") == .duplicate(of: 0, similarity: 0.6))
        #expect(filter.admit("When is winter wheat seeded on the Palouse?") == .kept(index: 1))
        var strict = NearDuplicateFilter(threshold: 0.8)
        _ = strict.admit("How deep should soil samples be taken?")
        #expect(strict.admit("At what depth should soil samples be taken?") == .kept(index: 1))
        #expect(strict.count == 2)
    }

    @Test("questions of stop words only are compared by their words")
    func stopWordQuestions() {
        var filter = NearDuplicateFilter(threshold: 0.8)
        #expect(filter.admit("What is it?") == .kept(index: 0))
        #expect(filter.admit("what is it") == .duplicate(of: 0, similarity: 1))
        #expect(filter.admit("Why is it?") == .kept(index: 1))
    }

    @Test("the split is by document, seeded, and never puts every document in validation")
    func documentSplit() {
        let documents = (1...10).map { "/docs/\($0).pdf" }
        let split = DocumentSplit(documents: documents, validationShare: 0.3, seed: 7)
        #expect(split.validationDocuments.count == 3)
        #expect(split == DocumentSplit(documents: documents.reversed(), validationShare: 0.3, seed: 7))
        #expect(split != DocumentSplit(documents: documents, validationShare: 0.3, seed: 8))
        #expect(DocumentSplit(documents: ["/a.pdf", "/b.pdf"], validationShare: 0.1, seed: 1).validationDocuments.count == 1)
        #expect(DocumentSplit(documents: ["/a.pdf"], validationShare: 0.5, seed: 1).validationDocuments.isEmpty)
        #expect(DocumentSplit(documents: ["/a.pdf", "/b.pdf"], validationShare: 0.9, seed: 1).validationDocuments.count == 1)
        #expect(DocumentSplit(documents: documents, validationShare: 0, seed: 1).validationDocuments.isEmpty)
    }
}
