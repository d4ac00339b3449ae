import Foundation
import Testing
import TestSupport
import EndToEndSupport
import StateBriefingKit
import FolioRunner

/// `pages: 1` holds: the one-pager is one page for every synthetic sheet on A4 paper (Letter, the
/// default, is checked by `EdgeCaseProseTests`, which lays out the same sheets and the edge cases),
/// and a briefing that cannot fit says so at the `pages:` line.
@Suite(.serialized) struct OnePagerFitTests {
    @Test(arguments: ["a4"]) func theOnePagerIsOnePageForEverySheet(paper: String) throws {
        let project = try TestProject()
        defer { project.remove() }
        let narrative = "Analyses/OnePager/one-pager.md"
        let source = try project.read(narrative)
        expect(source.contains("\npages: 1\n"))
        try project.write(narrative, source.replacingOccurrences(of: "\npages: 1\n", with: "\npages: 1\npaper: \(paper)\n"))
        let shared = try SyntheticRuns.shared(), sheets = shared.sheets
        expectEqual(sheets.count, 51)
        // Laid out in this process, as `folio run` lays out the PDF (without drawing or encoding
        // it), from the state briefing's runs the other every-sheet tests share.
        let session = try FolioSession(analysis: "one-pager", output: nil, computed: shared.computed, from: project.root)
        for sheet in sheets {
            let pages = try session.proof(dataFile: sheet).pdfPages
            expectEqual(pages, 1, "\((sheet as NSString).lastPathComponent) on \(paper): \(pages) pages")
        }
        // One sheet through the real command: the written PDF is one page and sound.
        let exe = try require(folioExecutable())
        let out = project.root + "/out"
        let run = try runProcess(exe, ["run", "--quiet", "--analysis", "one-pager", "--dpi", "72", "--output", out, "--data", sheets[0]],
                                 in: project.root)
        try require(run.status == 0, "stderr: \(run.err)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: out + "/one-pager")
        let folder = out + "/one-pager/" + (try require(folders.first))
        let pdf = try PDFInspection(path: folder + "/briefing.pdf")
        expectEqual(pdf.pageCount, 1)
        expect(pdf.warnings.isEmpty)
        // What the in-process proof gives is what the command writes.
        let written = try String(contentsOfFile: folder + "/briefing.md", encoding: .utf8)
        expectEqual(try session.proof(dataFile: sheets[0]).markdown, written)
        expectEqual(try session.markdown(dataFile: sheets[0]), written)
    }

    @Test func aBriefingThatCannotFitFailsAtItsPagesLineAndWritesNothing() throws {
        let project = try TestProject()
        defer { project.remove() }
        let narrative = "Analyses/StateBriefing/briefing.md"
        let source = try project.read(narrative)
        // In place of the author line, so every cell keeps its line and the compiled notebook is reused.
        let author = try require(source.range(of: "author: \"Folio state briefings\"\n"))
        let line = source[..<author.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count
        try project.write(narrative, source.replacingCharacters(in: author, with: "pages: 2\n"))
        let exe = try require(folioExecutable())
        let out = project.root + "/out"
        // 72 dpi: the page count does not depend on the charts' pixels.
        let run = try runProcess(exe, ["run", "--analysis", "state-briefing", "--dpi", "72", "--output", out], in: project.root)
        expectEqual(run.status, 1)
        expect(run.err.contains("briefing.md:\(line):1: error: the PDF needs"), "stderr: \(run.err)")
        expect(run.err.contains("the front matter allows 2"))
        expect(!FileManager.default.fileExists(atPath: out + "/state-briefing"))
    }
}
