import Foundation
import Testing
import TestSupport
import EndToEndSupport

/// On a phone the briefing's charts are laid out again, so their text stays readable: measured
/// in headless Chromium by `scripts/chart-text-size.sh` (skipped where Chromium is absent).
@Suite struct PhoneChartTextTests {
    static let chromium = HeadlessChromium.path

    /// The smallest rendered chart text (CSS px) and the number of charts shown, at each of
    /// `widths` (one Chromium for all of them).
    func measure(_ html: String, widths: [Int]) throws -> [(px: Double, charts: Int)] {
        let r = try runProcess("/bin/sh", [TestProject.repositoryRoot + "/scripts/chart-text-size.sh", html] + widths.map(String.init))
        try require(r.status == 0, "stderr: \(r.err)")
        let lines = r.out.split(separator: "\n")
        try require(lines.count == widths.count, "\(r.out)")
        return try zip(lines, widths).map { line, width in
            // "smallest chart text: 12.1 px (177 texts in 6 charts) at 390 px (layout viewport 390 px)"
            let words = line.split(separator: " ")
            let px = try require(Double(words[3]), "\(line)")
            let charts = try require(Int(words[8]), "\(line)")
            expect(line.contains("layout viewport \(width) px"), "\(line)")
            return (px, charts)
        }
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed"))
    func chartTextIsAtLeastElevenPixelsAtPhoneWidth() throws {
        // The shared plain run's page, at 72 dpi: the page shows the charts as inline SVG; the
        // PNGs' resolution is not measured.
        let html = try ReferenceRun.output() + "/state-briefing/mississippi-2023/briefing.html"
        let sizes = try measure(html, widths: [390, 1280])
        let phone = sizes[0], desktop = sizes[1]
        expect(phone.px >= 11, "chart text at 390 px is \(phone.px) px")
        // One layout of each chart shows at either width.
        expect(phone.charts == desktop.charts && phone.charts >= 6)
        expect(desktop.px >= 8, "chart text at 1280 px is \(desktop.px) px")
    }
}
