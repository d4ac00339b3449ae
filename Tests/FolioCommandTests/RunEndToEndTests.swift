import Foundation
import Testing
import TestSupport
import EndToEndSupport
@testable import FolioRunner
import StateBriefingKit

/// Runs the whole briefing as a user would and reads what comes out.
@Suite(.serialized) struct RunEndToEndTests {
    @Test func cliRunWritesTheBriefingTreeAndThePDFSaysTheRightNumbers() throws {
        let project = try TestProject()
        defer { project.remove() }
        let exe = try require(folioExecutable(), "the folio executable should be built beside the tests")
        let out = project.root + "/out"
        // 72 dpi: the tree, the text and the links are what is read; that the default 200-dpi
        // run gives the committed bytes is what `folio check` in `make test` proves.
        let result = try runProcess(exe, ["run", "--dpi", "72", "--output", out], in: project.root)
        expectEqual(result.status, 0, "stderr: \(result.err)")
        let folder = out + "/state-briefing/mississippi-2023"
        for file in ["briefing.pdf", "briefing.md", "briefing.html", "figures.csv", "charts/missing-composition.png",
                     "charts/missing-composition.pdf", "charts/missing-composition.svg",
                     "charts/cybertipline-by-state.png", "charts/share-of-national.pdf"] {
            expect(FileManager.default.fileExists(atPath: folder + "/" + file), "missing \(file)")
        }
        let text = try pdfText(folder + "/briefing.pdf")
        // Numbers a reader checks against the fact sheet and the Census table.
        for expected in ["4,546", "103", "69.9%", "77.7%", "668.7 per 100,000 children", "679,826", "2,939,690",
                         "Mississippi", "6,008", "Page 1 of"] {
            expect(text.contains(expected), "the PDF should contain \(expected)")
        }
        expect(!text.contains("{{"), "no unresolved reference may reach the PDF")
        // Every @fig / @tbl reference in the narrative is a clickable link to its figure, on
        // whatever line of its paragraph it falls.
        let inspection = try PDFInspection(path: folder + "/briefing.pdf")
        // The HTML links each reference the printed text keeps (a condition may leave some out).
        let html = try String(contentsOfFile: folder + "/briefing.html", encoding: .utf8)
        let references = html.components(separatedBy: "<a href=\"#fig-").count - 1 + html.components(separatedBy: "<a href=\"#tbl-").count - 1
        let links = inspection.linkDestinations.filter { $0.hasPrefix("fig-") || $0.hasPrefix("tbl-") }
        expect(references >= 6)
        expectEqual(links.count, references)
        // Every PDF the run wrote is one a strict checker accepts, briefing and charts alike.
        for (path, warnings) in pdfWarnings(under: out) {
            expect(warnings.isEmpty, "qpdf --check warns about \(path): \(warnings)")
        }
        let markdown = try String(contentsOfFile: folder + "/briefing.md", encoding: .utf8)
        expect(markdown.contains("charts/missing-composition.png"))
        expect(markdown.contains("69.9%"))
        expect(html.contains("69.9%") && html.contains("<svg") && html.contains("<table"))
    }

    @Test func misspeltNameStopsTheRunAtItsLineAndColumnAndWritesNothing() throws {
        let project = try TestProject()
        defer { project.remove() }
        let narrative = "Analyses/StateBriefing/briefing.md"
        var source = try project.read(narrative)
        let target = "{{ missing.cases | count }}"
        let range = try require(source.range(of: target))
        let before = source[..<range.lowerBound]
        let line = before.split(separator: "\n", omittingEmptySubsequences: false).count
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        source.replaceSubrange(range, with: "{{ missing.casez | count }}")
        try project.write(narrative, source)
        let exe = try require(folioExecutable())
        let out = project.root + "/out"
        // Every analysis (nothing of any may be written), at 72 dpi: the refusal is what is tested.
        let result = try runProcess(exe, ["run", "--dpi", "72", "--output", out], in: project.root)
        expectEqual(result.status, 1)
        // The caret points at the misspelt name, three characters after the opening braces.
        expect(result.err.contains("briefing.md:\(line):\(column + 3): error"), "stderr: \(result.err)")
        expect(result.err.contains("missing.cases"), "a near-miss suggestion: \(result.err)")
        expect(TestProject.outputSnapshot(out).isEmpty, "a failed run writes nothing (the lock file holds no output)")
    }

    @Test func failedRunLeavesPreviousOutputExactlyAsItWas() throws {
        let project = try TestProject()
        defer { project.remove() }
        let session = try FolioSession(analysis: "state-briefing", output: project.root + "/out", from: project.root)
        _ = try session.run(dataFile: nil)
        let before = TestProject.snapshot(project.root + "/out")
        expect(!before.isEmpty)
        try project.write("Analyses/StateBriefing/briefing.md", "---\ntitle: x\n---\nBroken {{ nope \n")
        expect(throws: FolioError.self) { _ = try session.run(dataFile: nil) }
        expectEqual(TestProject.snapshot(project.root + "/out"), before)
    }

    /// Two machines' runs, as two processes into two folders (`--force`, nothing reused), give the
    /// same bytes for every file, and a third process's `check` finds the first folder current.
    @Test func twoRunsGiveIdenticalBytesAndCheckPasses() throws {
        let project = try TestProject()
        defer { project.remove() }
        let exe = try require(folioExecutable())
        // 72 dpi: the same bytes from two processes (this one and the shared reference run) is
        // the property; that they are the committed 200-dpi bytes is what `folio check` in
        // `make test` proves.
        let run = try runProcess(exe, ["run", "--force", "--quiet", "--dpi", "72", "--output", "out-a"], in: project.root)
        try require(run.status == 0, "stderr: \(run.err)")
        let snapshots = [project.root + "/out-a", try ReferenceRun.output()].map {
            TestProject.snapshot($0).filter { !$0.key.hasPrefix(".") }
        }
        expect(snapshots[0].count > 30)
        for (path, bytes) in snapshots[0] where snapshots[1][path] != bytes {
            Issue.record("\(path) differs between two processes' runs")
        }
        expectEqual(Set(snapshots[0].keys), Set(snapshots[1].keys))
        let check = try runProcess(exe, ["check", "--dpi", "72", "--output", "out-a"], in: project.root)
        expectEqual(check.status, 0, "check: \(check.out) \(check.err)")
        // In process too: a fresh session's check, and a change to the data it must see.
        let session = try FolioSession(analysis: "state-briefing", output: project.root + "/out-a", dpi: 72, from: project.root)
        expect(try session.check(dataFile: nil).isEmpty)
        // Any change to the data makes check fail and name the file.
        let sheet = "Analyses/Data/ncmec-2023-mississippi.txt"
        try project.write(sheet, try project.read(sheet).replacingOccurrences(of: "4,546", with: "4,547"))
        let stale = try session.check(dataFile: nil)
        expect(stale.contains { $0.contains("briefing.pdf") })
        expect(stale.contains { $0.contains("figures.csv") })
    }

    @Test func explainReachesTheFactSheetLine() throws {
        let project = try TestProject()
        defer { project.remove() }
        let session = try FolioSession(analysis: "state-briefing", output: nil, from: project.root)
        let text = try session.explain("missing.socialServicesShare", dataFile: nil)
        expect(text.contains("ncmec-2023-mississippi.txt:"))
        expect(text.contains("69.9%"))
        expect(text.contains("Wilson"))
        // A number as the briefing prints it finds the result behind it.
        let byNumber = try session.explain("668.7", dataFile: nil)
        expect(byNumber.hasPrefix("rate.cybertipline.perChildren = 668.7 per 100,000 children"))
        expect(byNumber.contains("population-2023.csv:26"))
        let listing = try session.explain(nil, dataFile: nil)
        expect(listing.contains("rate.cybertipline.perChildren"))
    }

    @Test func explainConditionsSaysWhichTextEachChoseForTheData() throws {
        let project = try TestProject()
        defer { project.remove() }
        let session = try FolioSession(analysis: "state-briefing", output: nil, from: project.root)
        let all = try session.explainConditions(reading: nil, dataFile: nil)
        expect(all.contains("briefing.md:"))
        expect(all.contains("`byState.reports is reported` is true (byState.reports is 6,008), so its text is used"))
        // The same narrative for a sheet whose state has no by-state row takes the other text.
        let sheets = try SyntheticSheets.write(into: project.root + "/sheets", projectRoot: project.root)
        let dc = try require(sheets.first { $0.hasSuffix("/district-of-columbia.txt") })
        let reading = try session.explainConditions(reading: "byState.reports", dataFile: dc)
        expectEqual(reading.split(separator: "\n").count, 1, "\(reading)")
        expect(reading.contains("`byState.reports is reported` is false (byState.reports is not reported), so the \"otherwise\" text is used"))
    }
}
