import FolioScene
import Testing
import TestSupport
@testable import FolioCharts

/// The layout checks themselves: they must find what they look for, and only that.
@Suite struct SceneTextsTests {
    let label = SceneItem.text(TextItem(.plain("204"), font: FontSpec(size: 10), origin: Point(100, 50)))

    func scene(_ items: [SceneItem]) -> Scene { Scene(size: Size(300, 200), items: items) }
    func dashed(_ x: Double, width: Double = 0.8) -> SceneItem {
        .stroke(.line(Point(x, 0), Point(x, 200)), StrokeStyle(color: .black, width: width, dash: [3, 2]))
    }

    @Test func aDashedLineThroughALabelIsACrossing() {
        let crossings = SceneTexts.crossings(in: scene([label, dashed(105)]), measurer: FakeMeasurer())
        expectEqual(crossings.map(\.text.string), ["204"])
    }

    @Test func aLineBesideALabelOrASolidGridlineIsNot() {
        // FakeMeasurer: "204" at 10 pt is 16.5 pt wide, so x 100…116.5.
        expect(SceneTexts.crossings(in: scene([label, dashed(120)]), measurer: FakeMeasurer()).isEmpty)
        expect(SceneTexts.crossings(in: scene([label, dashed(98)]), measurer: FakeMeasurer()).isEmpty)
        let grid = SceneItem.stroke(.line(Point(105, 0), Point(105, 200)), StrokeStyle(color: .black, width: 0.6))
        expect(SceneTexts.crossings(in: scene([label, grid]), measurer: FakeMeasurer()).isEmpty)
    }

    @Test func theLinesWidthCountsAndGroupsArePlaced() {
        // A line 4 pt wide whose centre is 1.5 pt right of the box still covers its edge.
        expectEqual(SceneTexts.crossings(in: scene([label, dashed(118, width: 4)]), measurer: FakeMeasurer()).count, 1)
        let moved = SceneItem.group(Placement(offset: Point(200, 0), scale: 1), clip: nil, items: [dashed(-95)])
        expectEqual(SceneTexts.crossings(in: scene([label, moved]), measurer: FakeMeasurer()).count, 1)
    }
}
