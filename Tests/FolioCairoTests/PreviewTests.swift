import Foundation
import Testing
import TestSupport
@testable import FolioCharts
@testable import FolioCairo

/// Writes every sample chart to `$FOLIO_PREVIEW_DIR/<id>.png` for a human to look at
/// (`scripts/preview-charts.sh`); reported as skipped, not passed, when the variable is unset.
@Test(.enabled(if: ProcessInfo.processInfo.environment["FOLIO_PREVIEW_DIR"] != nil, "set FOLIO_PREVIEW_DIR (scripts/preview-charts.sh)"))
func writePreviews() throws {
    let dir = try require(ProcessInfo.processInfo.environment["FOLIO_PREVIEW_DIR"])
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let engine = ChartLayoutEngine(measurer: try PangoTextMeasurer())
    let renderer = try CairoSceneRenderer()
    for chart in SampleCharts.all {
        let png = try renderer.png(try engine.layout(chart), pixelsPerPoint: 200.0 / 72.0)
        try Data(png).write(to: URL(fileURLWithPath: "\(dir)/\(chart.id).png"))
    }
}
