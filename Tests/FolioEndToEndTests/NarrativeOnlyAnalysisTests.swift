import Foundation
import Testing
import TestSupport
import EndToEndSupport
@testable import FolioRunner

/// A Markdown file with `uses:` in its front matter is an analysis of its own, written without Swift.
@Suite(.serialized) struct NarrativeOnlyAnalysisTests {
    @Test func aMarkdownFileWithUsesIsDiscoveredAndRendered() throws {
        let project = try TestProject()
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.root + "/Analyses/CountyNote", withIntermediateDirectories: true)
        try project.write("Analyses/CountyNote/note.md", """
            ---
            uses: state-briefing
            title: "A note on {{ state.name }}"
            ---
            {{ state.name }} had {{ missing.cases | count }} missing-child cases (see @fig-missing-composition).

            ![Cases by type](chart:missing-composition)
            """)
        let targets = try FolioSession.targets(from: project.root)
        expectEqual(targets.map(\.id), ["penguins", "state-briefing", "county-note", "one-pager"])
        let exe = try require(folioExecutable())
        let r = try runProcess(exe, ["run", "--analysis", "county-note", "--output", "out"], in: project.root)
        expectEqual(r.status, 0, "\(r.err)")
        let folder = project.root + "/out/county-note/mississippi-2023"
        expect(try pdfText(folder + "/briefing.pdf").contains("Mississippi had 103 missing-child cases"))
        let charts = try FileManager.default.contentsOfDirectory(atPath: folder + "/charts").sorted()
        expectEqual(charts, ["missing-composition.pdf", "missing-composition.png", "missing-composition.svg"],
                "only the charts the note places")
    }

    @Test func usingAnUnknownAnalysisIsAnError() throws {
        let project = try TestProject()
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.root + "/Analyses/Bad", withIntermediateDirectories: true)
        try project.write("Analyses/Bad/bad.md", "---\nuses: state-brefing\n---\nHello.\n")
        expect(throws: FolioError.self) { _ = try FolioSession.targets(from: project.root) }
    }
}
