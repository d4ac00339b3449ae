import Foundation
import Testing
import TestSupport
import StateBriefingKit

/// `pages: 1` holds: the one-pager is one page for every synthetic sheet on A4 paper (Letter, the
/// default, is checked by `EdgeCaseProseTests`, which renders the same sheets and the edge cases),
/// and a briefing that cannot fit says so at the `pages:` line.
@Suite(.serialized) struct OnePagerFitTests {
    @Test(arguments: ["a4"]) func theOnePagerIsOnePageForEverySheet(paper: String) throws {
        let project = try TestProject()
        defer { project.remove() }
        let narrative = "Analyses/OnePager/one-pager.md"
        let source = try project.read(narrative)
        #expect(source.contains("\npages: 1\n"))
        try project.write(narrative, source.replacingOccurrences(of: "\npages: 1\n", with: "\npages: 1\npaper: \(paper)\n"))
        let sheets = try SyntheticSheets.write(into: project.root + "/sheets", projectRoot: project.root)
        let exe = try #require(folioExecutable())
        let out = project.root + "/out"
        let run = try runProcess(exe, ["run", "--quiet", "--analysis", "one-pager", "--output", out]
            + sheets.flatMap { ["--data", $0] }, in: project.root)
        try #require(run.status == 0, "stderr: \(run.err)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: out + "/one-pager")
        #expect(folders.count == 51)
        for folder in folders.sorted() {
            let pdf = try PDFInspection(path: out + "/one-pager/" + folder + "/briefing.pdf")
            #expect(pdf.pageCount == 1, "\(folder) on \(paper): \(pdf.pageCount) pages")
            #expect(pdf.warnings.isEmpty)
        }
    }

    @Test func aBriefingThatCannotFitFailsAtItsPagesLineAndWritesNothing() throws {
        let project = try TestProject()
        defer { project.remove() }
        let narrative = "Analyses/StateBriefing/briefing.md"
        let source = try project.read(narrative)
        try project.write(narrative, source.replacingOccurrences(of: "---\n", with: "---\npages: 2\n", options: [], range: source.range(of: "---\n")))
        let exe = try #require(folioExecutable())
        let out = project.root + "/out"
        let run = try runProcess(exe, ["run", "--analysis", "state-briefing", "--output", out], in: project.root)
        #expect(run.status == 1)
        #expect(run.err.contains("briefing.md:2:1: error: the PDF needs"), "stderr: \(run.err)")
        #expect(run.err.contains("the front matter allows 2"))
        #expect(!FileManager.default.fileExists(atPath: out + "/state-briefing"))
    }
}
