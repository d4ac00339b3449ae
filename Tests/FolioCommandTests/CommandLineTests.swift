import Foundation
import Testing
import TestSupport
import EndToEndSupport

/// The commands a new user tries first, run as processes.
@Suite(.serialized) struct CommandLineTests {
    @Test func runWithAnotherStatesSheetRendersThatStatesBriefing() throws {
        let project = try TestProject()
        defer { project.remove() }
        let sheet = try project.read("Analyses/Data/ncmec-2023-mississippi.txt")
            .replacingOccurrences(of: "Mississippi", with: "North Dakota")
        try project.write("nd.txt", sheet)
        let exe = try require(folioExecutable())
        let r = try runProcess(exe, ["run", "--data", "nd.txt", "--dpi", "72", "--output", "out"], in: project.root)
        expectEqual(r.status, 0, "\(r.err)")
        let text = try pdfText(project.root + "/out/state-briefing/north-dakota-2023/briefing.pdf")
        expect(text.contains("North Dakota"))
        // Mississippi appears only as one of the 50 ranked states, never as the briefing's subject.
        expect(!text.contains("in Mississippi") && !text.contains("Mississippi's"))
        // North Dakota's own population row is the denominator.
        let csv = try String(contentsOfFile: project.root + "/Analyses/Data/population-2023.csv", encoding: .utf8)
        let row = try require(csv.split(whereSeparator: \.isNewline).first { $0.hasPrefix("ND,") })
        let children = Int(row.split(separator: ",")[4].trimmingCharacters(in: .whitespaces)) ?? 0
        let grouped = children.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        expect(text.contains(grouped), "the PDF should state ND's \(grouped) children")
    }

    @Test func helpExplainsTheCommands() throws {
        let exe = try require(folioExecutable())
        let r = try runProcess(exe, ["--help"])
        for command in ["run", "check", "watch", "explain", "list", "bench"] {
            expect(r.out.contains(command))
        }
        // Its example works as written, in a project whose first analysis does not print 69.9%.
        expect(r.out.contains("`folio\nexplain 69.9%`") || r.out.contains("`folio explain 69.9%`"), "\(r.out)")
        let explained = try runProcess(exe, ["explain", "69.9%"], in: TestProject.repositoryRoot)
        expectEqual(explained.status, 0, "\(explained.err)")
        expect(explained.out.hasPrefix("missing.socialServicesShare = 69.9%"), "\(explained.out)")
        let unknown = try runProcess(exe, ["explain", "no.such.result"], in: TestProject.repositoryRoot)
        expectEqual(unknown.status, 1)
        expect(unknown.err.contains("no result called 'no.such.result'"), "\(unknown.err)")
    }

    @Test func badArgumentsAreAUsageError() throws {
        let exe = try require(folioExecutable())
        let r = try runProcess(exe, ["run", "--no-such-flag"])
        expectEqual(r.status, 2, "the README promises 2 for a usage error")
        expect(r.err.contains("Unknown option '--no-such-flag'") && r.err.contains("Usage: folio run"), "\(r.err)")
        let value = try runProcess(exe, ["run", "--dpi", "abc"])
        expectEqual(value.status, 2)
        expect(value.err.contains("The value 'abc' is invalid for '--dpi <dpi>'"), "\(value.err)")
    }

    @Test func dpiSetsThePNGWidthAndIsRecorded() throws {
        let project = try TestProject()
        defer { project.remove() }
        let exe = try require(folioExecutable())
        // 100 dpi, below the default: a quarter of its pixels, where 300 drew 2.25 times as many.
        let r = try runProcess(exe, ["run", "-q", "--analysis", "state-briefing", "--dpi", "100", "--output", "out"], in: project.root)
        expectEqual(r.status, 0, "\(r.err)")
        let png = try require(FileManager.default.contents(atPath: project.root + "/out/state-briefing/mississippi-2023/charts/missing-composition.png"))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        expectEqual(width, 650, "468 pt at 100 dpi")
        let check = try runProcess(exe, ["check", "--analysis", "state-briefing", "--output", "out"], in: project.root)
        expectEqual(check.status, 3, "a check at the default 200 dpi finds 100-dpi PNGs stale")
        expect(check.err.contains("--dpi 100 → 200"), "\(check.err)")
    }
}
