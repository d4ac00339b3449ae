import Testing
import TestSupport
import FolioScene
@testable import FolioCharts

/// Asserts the layout rules every chart must keep: no two texts overlap, no reference line runs
/// through a text, all inside the canvas.
func expectCleanLayout(_ scene: Scene, measurer: any TextMeasurer = FakeMeasurer(),
                       sourceLocation: SourceLocation = #_sourceLocation) {
    for (a, b) in SceneTexts.overlaps(in: scene, measurer: measurer) {
        Issue.record("texts overlap: \"\(a.string)\" \(a.box) and \"\(b.string)\" \(b.box)", sourceLocation: sourceLocation)
    }
    for c in SceneTexts.crossings(in: scene, measurer: measurer) {
        Issue.record("a reference line from \(c.from) to \(c.to) runs through \"\(c.text.string)\" \(c.text.box)",
                     sourceLocation: sourceLocation)
    }
    for t in SceneTexts.outside(in: scene, measurer: measurer) {
        Issue.record("text outside canvas \(scene.size): \"\(t.string)\" \(t.box)", sourceLocation: sourceLocation)
    }
}

@Suite struct ChartLayoutTests {
    let engine = ChartLayoutEngine(measurer: FakeMeasurer())

    @Test(arguments: SampleCharts.all)
    func everyKindLaysOutCleanly(chart: Chart) throws {
        let scene = try engine.layout(chart)
        expectEqual(scene.size.width, chart.size.width)
        if case .table = chart.mark {} else { expect(scene.size.height >= chart.size.height) }
        expectCleanLayout(scene)
        let texts = SceneTexts.placed(in: scene, measurer: FakeMeasurer()).map(\.string)
        expect(texts.contains(chart.title))
        expect(texts.contains(chart.source))
    }

    @Test(arguments: SampleCharts.all)
    func narrowCanvasStillClean(chart: Chart) throws {
        var c = chart
        c.size = Size(300, 220)
        expectCleanLayout(try engine.layout(c))
    }

    @Test func verticalStackedBarsStandAsColumnsWithLabelsBelow() throws {
        let scene = try engine.layout(SampleCharts.stackedColumns)
        let texts = SceneTexts.placed(in: scene, measurer: FakeMeasurer())
        let years = ["2020", "2021", "2022", "2023"].compactMap { y in texts.first { $0.string == y } }
        expectEqual(years.count, 4)
        // One row of category labels under the columns, left to right.
        expectEqual(Set(years.map { ($0.box.minY * 10).rounded() }).count, 1)
        expectEqual(years.map(\.box.minX), years.map(\.box.minX).sorted())
        // Segment shares are printed inside the columns: 60 of 90 is 67%.
        expect(texts.contains { $0.string == "67%" })
    }

    @Test func rankedPlotGrowsToFitFiftyRows() throws {
        let scene = try engine.layout(SampleCharts.ranked)
        expect(scene.size.height > 288)
        let texts = SceneTexts.placed(in: scene, measurer: FakeMeasurer())
        expect(texts.contains { $0.string == "Mississippi" && $0.item.font.weight == .bold })
        expect(texts.contains { $0.string == "204.3" })
        expectEqual(texts.filter { $0.string == "Alabama" }.count, 1)
    }

    @Test func countBarsHaveDirectLabels() throws {
        let scene = try engine.layout(SampleCharts.counts)
        let texts = SceneTexts.placed(in: scene, measurer: FakeMeasurer())
        for v in ["4,546", "161", "103", "29", "20", "13", "12"] { expect(texts.contains { $0.string == v }, "missing \(v)") }
        // The long bar carries its label inside, in white.
        expectEqual(texts.first { $0.string == "4,546" }?.item.color, .white)
        expect(texts.first { $0.string == "12" }?.item.color != .white)
    }

    @Test func referenceLinesAreLabelledAndDashed() throws {
        let scene = try engine.layout(SampleCharts.shares)
        let d = SceneDescription.describe(scene)
        expect(d.contains("Share of US residents 0.88%"))
        expect(d.contains("Share of US children 0.93%"))
        expectEqual(d.components(separatedBy: "dashed").count - 1, 2)
        expect(d.contains("\"1.0%\""))
        expectCleanLayout(scene)
    }

    @Test func verticalBarsWithLongLabelsTurnHorizontal() throws {
        var chart = SampleCharts.counts
        guard case .bars(var m) = chart.mark else { return }
        m.orientation = .vertical
        chart.mark = .bars(m)
        let scene = try engine.layout(chart)
        expectCleanLayout(scene)
        let label = SceneTexts.placed(in: scene, measurer: FakeMeasurer()).first { $0.string == "Child sex tourism" }
        expectEqual(label?.item.alignment, .trailing) // row label left of the plot, not under a column
    }

    @Test func verticalBarsStayVerticalWhenLabelsFit() throws {
        let scene = try engine.layout(SampleCharts.columns)
        let label = SceneTexts.placed(in: scene, measurer: FakeMeasurer()).first { $0.string == "2019" }
        expectEqual(label?.item.alignment, .center)
        expectCleanLayout(scene)
    }

    @Test func allZeroDataLaysOut() throws {
        let chart = Chart(id: "zeros", title: "Nothing reported", source: "Source: test",
                          mark: .bars(BarMark(categories: ["A", "B"], series: [Series(name: "s", values: [0, 0])],
                                              axis: ValueAxis(title: "Reports"))), altText: "")
        let scene = try engine.layout(chart)
        expectCleanLayout(scene)
        expect(!SceneDescription.describe(scene).contains("nan"))
    }

    @Test func missingValuesSayNotReported() throws {
        let chart = Chart(id: "gaps", title: "Gap", source: "Source: test",
                          mark: .bars(BarMark(categories: ["A", "B"], series: [Series(name: "s", values: [3, nil])],
                                              axis: ValueAxis(title: "Reports"))), altText: "")
        let scene = try engine.layout(chart)
        expect(SceneDescription.texts(scene).contains { $0.contains("not reported") })
        expectCleanLayout(scene)
    }

    @Test func emptyDataThrowsNamingChartAndPhase() {
        let chart = Chart(id: "empty-one", title: "T", source: "S",
                          mark: .bars(BarMark(categories: [], series: [], axis: ValueAxis(title: "x"))), altText: "")
        expect {
            try engine.layout(chart)
        } throws: { error in
            guard let e = error as? ChartLayoutError else { return false }
            return e.chartID == "empty-one" && e.phase == .normalize && "\(e)".contains("empty-one")
        }
        let ranked = Chart(id: "no-items", title: "T", source: "S",
                           mark: .rankedDots(RankedDotMark(items: [], axis: ValueAxis(title: "x"))), altText: "")
        expect(throws: ChartLayoutError.self) { try engine.layout(ranked) }
    }

    @Test func mismatchedSeriesThrows() {
        let chart = Chart(id: "bad", title: "T", source: "S",
                          mark: .dots(DotMark(categories: ["a", "b"], series: [Series(name: "s", values: [1])],
                                              axis: ValueAxis(title: "x"))), altText: "")
        expect(throws: ChartLayoutError(chartID: "bad", phase: .normalize, message: "series 's' has 1 values for 2 categories")) {
            try engine.layout(chart)
        }
    }

    @Test func stackedNamesOrLegendIdentifySegments() throws {
        let scene = try engine.layout(SampleCharts.stacked)
        let texts = SceneTexts.placed(in: scene, measurer: FakeMeasurer()).map(\.string)
        expect(texts.contains { $0.contains("Social services") })
        expect(texts.contains { $0.contains("70%") })
    }

    @Test func tableRightAlignsNumbers() throws {
        let scene = try engine.layout(SampleCharts.table)
        let cell = SceneTexts.placed(in: scene, measurer: FakeMeasurer()).first { $0.string == "1,382,416" }
        expectEqual(cell?.item.alignment, .trailing)
        expectEqual(cell?.item.font.tabularFigures, true)
    }

    @Test func descriptionIsReadableAndStable() throws {
        let a = SceneDescription.describe(try engine.layout(SampleCharts.counts))
        let b = SceneDescription.describe(try engine.layout(SampleCharts.counts))
        expectEqual(a, b)
        expect(a.hasPrefix("scene 468x"))
        expect(a.contains("text \"Nearly all Mississippi reports concern child sexual abuse material\" @ (6, 6) 11pt bold"))
        let recorded = try RecordingRenderer().png(try engine.layout(SampleCharts.counts), pixelsPerPoint: 1)
        expectEqual(String(decoding: recorded, as: UTF8.self), a)
    }
}
