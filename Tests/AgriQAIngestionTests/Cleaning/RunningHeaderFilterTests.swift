import Testing

@testable import AgriQAIngestion

@Suite struct RunningHeaderFilterTests {
    private func line(_ text: String, y: Double) -> PageLine {
        PageLine(text: text, box: TextBox(minX: 72, minY: y, maxX: 300, maxY: y + 10), fontSize: 10, isBold: false)
    }

    private func page(_ number: Int, _ lines: [PageLine]) -> RawPage {
        RawPage(number: number, label: nil, width: 612, height: 792, lines: lines, imageCount: 0)
    }

    @Test func dropsRepeatedMarginLinesAndPageNumbers() {
        let pages = (1...4).map { number in
            page(number, [
                line("Winter Wheat Guide · WSU Extension", y: 30),
                line("Body text on page \(number) about seeding rates.", y: 300),
                line("Page \(number) of 4", y: 760),
            ])
        }
        let drops = RunningHeaderFilter().runningLines(in: pages)
        #expect(drops.allSatisfy { $0 == [0, 2] })
    }

    @Test func keepsBodyLinesThatRepeat() {
        let pages = (1...3).map { number in
            page(number, [line("Apply 40 lb N per acre.", y: 300), line("\(number)", y: 770)])
        }
        let drops = RunningHeaderFilter().runningLines(in: pages)
        #expect(drops.allSatisfy { $0 == [1] })
    }

    @Test func signaturesIgnoreNumbers() {
        #expect(RunningHeaderFilter.signature(of: "Page 3") == RunningHeaderFilter.signature(of: "Page 14"))
        #expect(RunningHeaderFilter.isPageNumber("page #"))
        #expect(RunningHeaderFilter.isPageNumber("xiv"))
        #expect(!RunningHeaderFilter.isPageNumber("introduction"))
    }
}
