import FolioCharts
import FolioScene
import Testing
import TestSupport
@testable import FolioReport

@Suite struct PDFLayoutTests {
    let layout = PDFLayout(measurer: FakeMeasurer())
    let date = "2024-03-01T00:00:00"

    func briefing() throws -> Report {
        try ReportAssembler(resolver: FakeResolver(), charts: Fixtures.charts).assemble(source: Fixtures.briefing, file: "b.md")
    }

    static func texts(_ items: [SceneItem]) -> [TextItem] {
        items.flatMap { item -> [TextItem] in
            switch item {
            case .text(let t): [t]
            case .group(_, _, let inner): texts(inner)
            default: []
            }
        }
    }
    static func string(_ t: TextItem) -> String {
        switch t.content { case .plain(let s): s; case .markup(let s): FakeMeasurer.stripTags(s) }
    }
    /// The box a text item covers, per the fake measurer.
    static func frame(_ t: TextItem) -> Rect {
        let m = FakeMeasurer().measure(t)
        let w = t.width ?? m.width
        let x = t.width == nil && t.alignment == .center ? t.origin.x - m.width / 2
            : t.width == nil && t.alignment == .trailing ? t.origin.x - m.width : t.origin.x
        return Rect(x: x, y: t.origin.y, width: w, height: m.height)
    }
    static let filler = "Reports to the CyberTipline are counted by the apparent location of the upload, which is not always where the child lives."

    /// Page index of the first top-level text whose plain text starts with `prefix`.
    static func page(of prefix: String, in doc: PagedDocument) -> Int? {
        doc.pages.firstIndex { texts($0.items).contains { string($0).hasPrefix(prefix) } }
    }

    @Test func letterAndA4Sizes() throws {
        var report = try briefing()
        expect(try layout.layout(report, date: date).pages.allSatisfy { $0.size == Size(612, 792) })
        report.paper = .a4
        expect(try layout.layout(report, date: date).pages.allSatisfy { $0.size == Size(595.28, 841.89) })
    }

    @Test func metadataAndOutline() throws {
        let doc = try layout.layout(try briefing(), date: date)
        expectEqual(doc.metadata.title, "Missing and exploited children in Mississippi, 2023")
        expectEqual(doc.metadata.subject, "What NCMEC's 2023 fact sheet says about Mississippi")
        expectEqual(doc.metadata.author, "Folio briefing desk")
        expectEqual(doc.metadata.date, date)
        expectEqual(doc.outline.map(\.title), ["Missing children", "Exploitation reports"])
        let all = doc.pages.flatMap(\.items)
        let destinations = all.compactMap { if case .destination(let n, _) = $0 { return n }; return nil }
        expect(Set(doc.outline.map(\.destination)).isSubset(of: Set(destinations)))
        expect(destinations.contains("fig-missing-composition"))
        expect(all.contains { if case .group(let p, nil, _) = $0 { return p.scale > 0 }; return false })
        let caption = Self.texts(all).first { Self.string($0).hasPrefix("Figure 1.") }
        expectEqual(caption.map(Self.string), "Figure 1. Most missing children in Mississippi had run from care")
        expectEqual(caption?.font.size, 9)
    }

    @Test func pageNumbersOnEveryPageAndHeaderAfterTheFirst() throws {
        var blocks: [Block] = []
        for _ in 0..<40 { blocks.append(.paragraph([.text(Self.filler)])) }
        let report = Report(title: "A briefing", blocks: blocks)
        let doc = try layout.layout(report, date: date)
        expect(doc.pages.count > 1)
        for (n, page) in doc.pages.enumerated() {
            let strings = Self.texts(page.items).map(Self.string)
            expect(strings.contains("Page \(n + 1) of \(doc.pages.count)"))
            expectEqual(strings.filter { $0 == "A briefing" }.count, 1, "title on page 1, running header after")
        }
    }

    @Test func headingNearTheFootMovesWithItsParagraph() throws {
        var moved = 0
        for fillers in 1...30 {
            var blocks: [Block] = (0..<fillers).map { _ in .paragraph([.text(Self.filler)]) }
            blocks.append(.heading(Heading(level: 2, content: [.text("Exploitation reports")], anchor: "sec-x", line: 1)))
            blocks.append(.paragraph([.text("Following paragraph " + Self.filler)]))
            let doc = try layout.layout(Report(title: "T", blocks: blocks), date: date)
            let h = try require(Self.page(of: "Exploitation reports", in: doc))
            let p = try require(Self.page(of: "Following paragraph", in: doc))
            expectEqual(h, p, "heading alone at the foot with \(fillers) fillers")
            // Did the heading move although it alone would have fitted?
            if h > 0, let last = Self.texts(doc.pages[h - 1].items).filter({ $0.font.size == 10.5 }).map(Self.frame).last {
                let headingHeight = 13 * 1.3
                if last.maxY + 16 + headingHeight <= 792 - 61.2 { moved += 1 }
            }
        }
        expect(moved > 0, "the sweep should include a heading that fitted but was moved")
    }

    @Test func figuresAreNeverSplit() throws {
        for fillers in 0...24 {
            var blocks: [Block] = (0..<fillers).map { _ in .paragraph([.text(Self.filler)]) }
            let figure = Figure(chartID: "missing-composition", number: 1, caption: [.text("Caption")],
                                chart: Fixtures.composition, line: 1)
            blocks.append(.figure(figure))
            let doc = try layout.layout(Report(title: "T", blocks: blocks), date: date)
            // The figure is placed exactly once, whatever the fillers before it.
            let placed = doc.pages.map { page in page.items.filter { if case .group = $0 { true } else { false } }.count }
            expectEqual(placed.reduce(0, +), 1, "\(fillers) fillers: the figure is placed \(placed.reduce(0, +)) times")
            for page in doc.pages {
                for case .group(let placement, _, _) in page.items {
                    let bottom = placement.offset.y + Fixtures.composition.size.height * placement.scale
                    expect(placement.offset.y >= 61.2 - 1e-9 && bottom <= 792 - 61.2 + 1e-9)
                    let caption = try require(Self.texts(page.items).first { Self.string($0).hasPrefix("Figure 1.") })
                    expect(Self.frame(caption).maxY <= 792 - 61.2 + 1e-9)
                    expect(abs(placement.scale * Fixtures.composition.size.width - (612 - 2 * 61.2)) < 1e-6)
                }
            }
        }
    }

    @Test func noTextOutsideTheMarginBox() throws {
        var blocks = try briefing().blocks
        for _ in 0..<3 { blocks += blocks }
        for paper in PaperSize.allCases {
            let report = Report(title: "Missing and exploited children in Mississippi, 2023", paper: paper, blocks: blocks)
            let doc = try layout.layout(report, date: date)
            let size = paper.size
            let contentBox = Rect(x: 61.2, y: 61.2, width: size.width - 122.4, height: size.height - 122.4)
            let pageBox = Rect(x: 24, y: 24, width: size.width - 48, height: size.height - 48)
            for page in doc.pages {
                for case .text(let t) in page.items {
                    let s = Self.string(t)
                    let furniture = s.hasPrefix("Page ") || (s == report.title && t.font.size == 8)
                    expect((furniture ? pageBox : contentBox).contains(Self.frame(t)), "\(s) at \(Self.frame(t))")
                }
            }
        }
    }

    @Test func linkRectanglesCoverFirstLineLinks() throws {
        let report = Report(title: "T", blocks: [.paragraph([.text("See "), .link(url: "https://example.org", [.text("the sheet")])])])
        let doc = try layout.layout(report, date: date)
        let rect = try require(doc.pages[0].items.lazy.compactMap { item -> Rect? in
            if case .link(let r, "https://example.org") = item { return r }; return nil
        }.first)
        expect(abs(rect.minX - (61.2 + 4 * 5.25)) < 1e-6)
        expect(abs(rect.width - 9 * 5.25) < 1e-6)
        let figure = Figure(chartID: "missing-composition", number: 1, caption: [.text("C")], chart: Fixtures.composition, line: 1)
        let withRef = Report(title: "T", blocks: [.paragraph([.text("As "), .figureReference(id: "missing-composition", number: 1), .text(" shows.")]),
                                                  .figure(figure)])
        let items = try layout.layout(withRef, date: date).pages.flatMap(\.items)
        expect(items.contains { if case .internalLink(_, "fig-missing-composition") = $0 { return true }; return false })
    }
}
