import Testing
import TestSupport
import FolioScene
@testable import FolioReport

/// Page breaking with floating figures, on boxes of known heights.
struct PaginatorTests {
    let content = Rect(x: 0, y: 0, width: 100, height: 100)

    /// A box that draws one text item named `name` at its top.
    func box(_ name: String, _ height: Double, floats: Bool = false, keep: Bool = false) -> LayoutBox {
        var b = LayoutBox(height: height, spaceBefore: 0) { top in
            [.text(TextItem(.plain(name), font: FontSpec(size: 10), origin: Point(0, top)))]
        }
        b.floats = floats
        b.keepWithNext = keep
        return b
    }

    func names(_ pages: [[SceneItem]]) -> [[String]] {
        pages.map { $0.compactMap { if case .text(let t) = $0, case .plain(let s) = t.content { s } else { nil } } }
    }

    @Test func aFigureThatDoesNotFitWaitsWhileTextFillsThePage() {
        let pages = Paginator(content: content).paginate(
            [box("p1", 50), box("fig1", 60, floats: true), box("p2", 30), box("p3", 30)],
            firstPage: [], firstTop: 0)
        expectEqual(names(pages), [["p1", "p2"], ["fig1", "p3"]])
    }

    @Test func figuresKeepTheirOrder() {
        let pages = Paginator(content: content).paginate(
            [box("p1", 50), box("fig1", 60, floats: true), box("fig2", 10, floats: true), box("p2", 30)],
            firstPage: [], firstTop: 0)
        let flat = names(pages).flatMap { $0 }
        expect(flat.firstIndex(of: "fig1")! < flat.firstIndex(of: "fig2")!)
    }

    @Test func aFigureRightAfterAHeadingStaysWithIt() {
        let pages = Paginator(content: content).paginate(
            [box("p1", 50), box("h", 10, keep: true), box("fig1", 60, floats: true), box("p2", 20)],
            firstPage: [], firstTop: 0)
        expectEqual(names(pages), [["p1"], ["h", "fig1", "p2"]])
    }

    @Test func waitingFiguresComeOutAtTheEnd() {
        let pages = Paginator(content: content).paginate(
            [box("p1", 90), box("fig1", 60, floats: true)], firstPage: [], firstTop: 0)
        expectEqual(names(pages), [["p1"], ["fig1"]])
    }
}
