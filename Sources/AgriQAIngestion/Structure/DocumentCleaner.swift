import Foundation

/// Cleans an extracted PDF and recovers its structure: normalizes text, removes running headers and
/// footers, classifies headings, and joins lines into paragraphs (undoing line-end hyphenation).
public struct DocumentCleaner: Sendable {
    public var headerFilter = RunningHeaderFilter()

    public init() {}

    public func clean(_ document: ExtractedDocument) -> CleanedDocument {
        let pages = document.pages.map { page in
            var page = page
            page.lines = page.lines.compactMap { line in
                var line = line
                line.text = TextNormalizer.normalize(line.text)
                return line.text.isEmpty ? nil : line
            }
            return page
        }
        let drops = headerFilter.runningLines(in: pages)
        var kept: [(page: RawPage, lines: [PageLine])] = []
        var removed = 0
        var runningText: [String] = []
        var seenRunning: Set<String> = []
        for (page, drop) in zip(pages, drops) {
            removed += drop.count
            for index in drop.sorted() where seenRunning.insert(RunningHeaderFilter.signature(of: page.lines[index].text)).inserted {
                runningText.append(page.lines[index].text)
            }
            kept.append((page, page.lines.enumerated().filter { !drop.contains($0.offset) }.map(\.element)))
        }

        let allLines = kept.flatMap(\.lines)
        let classifier = HeadingClassifier(lines: allLines)
        let dehyphenator = Dehyphenator(lines: allLines.map(\.text))
        var assembler = BlockAssembler(classifier: classifier, dehyphenator: dehyphenator)
        var cleanedPages: [CleanedPage] = []
        for (page, lines) in kept {
            var pageText = ""
            var previousWasHeading = true
            for line in lines {
                assembler.add(line, page: page.number)
                let isHeading = classifier.level(of: line) != nil
                if pageText.isEmpty {
                    pageText = line.text
                } else if isHeading || previousWasHeading {
                    pageText += "\n" + line.text
                } else {
                    pageText = dehyphenator.join(pageText, line.text)
                }
                previousWasHeading = isHeading
            }
            cleanedPages.append(
                CleanedPage(number: page.number, label: page.label, text: pageText, needsOCR: page.isImageOnly))
            assembler.endPage()
        }
        return CleanedDocument(
            path: document.path, metadata: document.metadata, pages: cleanedPages, blocks: assembler.finish(),
            removedRunningLines: removed, runningText: runningText)
    }
}
