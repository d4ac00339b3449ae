import Foundation
import Testing
@testable import FolioCharts
@testable import FolioCairo

/// Golden-image test: the counts bar chart against `__Snapshots__/report-counts.png`.
///
/// Tolerance: a pixel counts as different when any ARGB channel differs by more than 24/255
/// (absorbs anti-aliasing changes between cairo/pixman/freetype builds), and the test fails when
/// more than 0.2% of pixels differ (a moved label or bar changes far more). Record with
/// `FOLIO_RECORD_SNAPSHOTS=1`; on failure a `<name>.diff.png` is written next to the snapshot.
@Test func countsChartMatchesSnapshot() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = dir.appendingPathComponent("report-counts.png")
    let scene = try ChartLayoutEngine(measurer: try PangoTextMeasurer()).layout(SampleCharts.counts)
    let png = try CairoSceneRenderer().png(scene, pixelsPerPoint: 200.0 / 72.0)
    if ProcessInfo.processInfo.environment["FOLIO_RECORD_SNAPSHOTS"] == "1" || !FileManager.default.fileExists(atPath: file.path) {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(png).write(to: file)
        return
    }
    let expected = try RasterImage(png: Array(try Data(contentsOf: file)))
    let actual = try RasterImage(png: png)
    #expect(actual.width == expected.width && actual.height == expected.height)
    let (count, diff) = actual.difference(from: expected, channelTolerance: 24)
    let allowed = expected.pixels.count / 500
    if count > allowed {
        try Data(try diff.png()).write(to: dir.appendingPathComponent("report-counts.diff.png"))
        Issue.record("\(count) pixels differ (allowed \(allowed)); diff written to __Snapshots__/report-counts.diff.png")
    }
}
