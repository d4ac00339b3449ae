import Foundation
import Testing
import TestSupport
import EndToEndSupport

/// On a phone the briefing's charts are laid out again, so their text stays readable: measured
/// in headless Chromium by `scripts/chart-text-size.sh` (skipped where Chromium is absent).
@Suite struct PhoneChartTextTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The smallest rendered chart text (CSS px) and the number of charts shown, at `width`.
    func measure(_ html: String, width: Int) throws -> (px: Double, charts: Int) {
        let r = try runProcess("/bin/sh", [TestProject.repositoryRoot + "/scripts/chart-text-size.sh", html, String(width)])
        try require(r.status == 0, "stderr: \(r.err)")
        // "smallest chart text: 12.1 px (177 texts in 6 charts) at 390 px (layout viewport 390 px)"
        let words = r.out.split(separator: " ")
        let px = try require(Double(words[3]), "\(r.out)")
        let charts = try require(Int(words[8]), "\(r.out)")
        expect(r.out.contains("layout viewport \(width) px"), "\(r.out)")
        return (px, charts)
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed"))
    func chartTextIsAtLeastElevenPixelsAtPhoneWidth() throws {
        let project = try TestProject()
        defer { project.remove() }
        let exe = try require(folioExecutable())
        let out = project.root + "/out"
        // 72 dpi: the page shows the charts as inline SVG; the PNGs' resolution is not measured.
        let run = try runProcess(exe, ["run", "--analysis", "state-briefing", "--dpi", "72", "--output", out], in: project.root)
        try require(run.status == 0, "stderr: \(run.err)")
        let html = out + "/state-briefing/mississippi-2023/briefing.html"
        let phone = try measure(html, width: 390)
        let desktop = try measure(html, width: 1280)
        expect(phone.px >= 11, "chart text at 390 px is \(phone.px) px")
        // One layout of each chart shows at either width.
        expect(phone.charts == desktop.charts && phone.charts >= 6)
        expect(desktop.px >= 8, "chart text at 1280 px is \(desktop.px) px")
    }
}
