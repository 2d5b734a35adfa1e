/// Groups cleaned lines into headings and paragraphs, in reading order, across pages and columns.
struct BlockAssembler {
    let classifier: HeadingClassifier
    let dehyphenator: Dehyphenator

    private var blocks: [TextBlock] = []
    private var current: TextBlock?
    private var currentHeadingLevel: Int?
    private var lastLine: PageLine?
    private var lastPage = 0

    init(classifier: HeadingClassifier, dehyphenator: Dehyphenator) {
        self.classifier = classifier
        self.dehyphenator = dehyphenator
    }

    mutating func add(_ line: PageLine, page: Int) {
        if let level = classifier.level(of: line) {
            if let headingLevel = currentHeadingLevel, headingLevel == level, let lastLine,
                lastPage == page, continuesHeading(lastLine, line)
            {
                append(line.text, page: page, join: { $0 + " " + $1 })
            } else {
                flush()
                current = TextBlock(kind: .heading(level: level), text: line.text, pageMarks: [.init(offset: 0, page: page)])
                currentHeadingLevel = level
            }
        } else {
            if currentHeadingLevel != nil || startsNewParagraph(line, page: page) { flush() }
            if current == nil {
                current = TextBlock(kind: .paragraph, text: line.text, pageMarks: [.init(offset: 0, page: page)])
            } else {
                append(line.text, page: page, join: dehyphenator.join)
            }
        }
        lastLine = line
        lastPage = page
    }

    /// Paragraphs may continue over a page break; nothing to do until the next line arrives.
    mutating func endPage() {}

    mutating func finish() -> [TextBlock] {
        flush()
        return blocks
    }

    private mutating func append(_ text: String, page: Int, join: (String, String) -> String) {
        guard var block = current else { return }
        if block.lastPage != page {
            block.pageMarks.append(.init(offset: block.text.count + 1, page: page))
        }
        block.text = join(block.text, text)
        current = block
    }

    private mutating func flush() {
        if let block = current, !block.text.isEmpty { blocks.append(block) }
        current = nil
        currentHeadingLevel = nil
    }

    private func continuesHeading(_ previous: PageLine, _ line: PageLine) -> Bool {
        let gap = line.box.minY - previous.box.maxY
        let height = max(previous.box.height, line.box.height)
        return gap >= -height * 0.5 && gap < height * 1.2
    }

    /// A paragraph ends at a clear vertical gap, a first-line indent, or a change of font size; it
    /// continues across a column or page break unless the previous line ended a sentence.
    private func startsNewParagraph(_ line: PageLine, page: Int) -> Bool {
        guard let previous = lastLine, current != nil else { return true }
        let endedSentence = previous.text.last.map { ".!?:;".contains($0) } ?? true
        if abs(line.fontSize - previous.fontSize) >= 1.0 { return true }
        let sameColumn = page == lastPage && abs(line.box.minX - previous.box.minX) < 40
            && line.box.minY > previous.box.minY
        if !sameColumn { return endedSentence }
        let lineHeight = max(previous.box.height, 1)
        let gap = line.box.minY - previous.box.maxY
        if gap > lineHeight * 0.9 { return true }
        let indent = line.box.minX - previous.box.minX
        if indent > 4, endedSentence { return true }
        return false
    }
}
