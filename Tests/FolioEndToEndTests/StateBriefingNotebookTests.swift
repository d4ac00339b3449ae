import Foundation
import Testing
import TestSupport
import EndToEndSupport
import FolioAnalysis
import FolioCairo
import FolioCharts
import FolioData
import FolioRunner
import FolioScene
import StateBriefingKit

/// The Mississippi briefing's numbers, checked against the fact sheet and the Census table by
/// independent arithmetic on the published figures. The notebook (`Analyses/StateBriefing/
/// briefing.md` and its Swift files) is compiled and loaded into this process as `folio` does.
struct StateBriefingNotebookTests {
    static let root = TestProject.repositoryRoot
    static let defaultData = "Analyses/Data/ncmec-2023-mississippi.txt"

    func run(data: String = Self.defaultData) throws -> AnalysisRun {
        _ = TestProject.sharedNotebookCache
        let session = try FolioSession(analysis: "state-briefing", output: FileManager.default.temporaryDirectory.path,
                                       from: Self.root)
        expectEqual(session.target.defaultData, Self.defaultData)
        return try session.compute(dataFile: data)
    }

    func number(_ run: AnalysisRun, _ name: String) throws -> Double {
        try require(run[name]?.number, "\(name) should have a number")
    }

    @Test func outputFolderAndNames() throws {
        let r = try run()
        expectEqual(r.outputName, "mississippi-2023")
        expectEqual(r["state.name"]?.text, "Mississippi")
        expectEqual(r["state.code"]?.text, "MS")
    }

    @Test func missingChildComposition() throws {
        let r = try run()
        expectEqual(try number(r, "missing.cases"), 103)
        expect(abs(try number(r, "missing.socialServicesShare") - 72.0 / 103) < 1e-12)
        expect(abs(try number(r, "national.socialServicesShare") - 22_442.0 / 28_886) < 1e-12)
    }

    @Test func sharesOfNationalAreLikeForLike() throws {
        let r = try run()
        expect(abs(try number(r, "share.missingCases") - 103.0 / 28_886) < 1e-12)
        expect(abs(try number(r, "share.socialServices") - 72.0 / 22_442) < 1e-12)
        expect(abs(try number(r, "share.teamHope") - 20.0 / 5_759) < 1e-12)
        expect(abs(try number(r, "share.children") - 679_826.0 / 72_831_861) < 1e-6)
        expect(abs(try number(r, "share.children") - 0.00933) < 0.00001)
        expect(abs(try number(r, "share.residents") - 0.00878) < 0.00001)
        // No share is ever taken of the worldwide CyberTipline total or of cumulative totals.
        expect(!r.names.contains { $0.hasPrefix("share.") && $0.lowercased().contains("cyber") })
    }

    @Test func perCapitaRates() throws {
        let r = try run()
        expect(abs(try number(r, "rate.cybertipline.perChildren") - 4546.0 / 679_826 * 100_000) < 1e-9)
        expect(abs(try number(r, "rate.cybertipline.perChildren") - 668.7) < 0.05)
        expect(abs(try number(r, "rate.cybertipline.perResidents") - 4546.0 / 2_939_690 * 100_000) < 1e-9)
        expect(abs(try number(r, "byState.rate") - 6008.0 / 2_939_690 * 100_000) < 1e-9)
    }

    /// Rank and median checked against arithmetic done here on the two CSVs, not by the step.
    @Test func stateIsRankedAmongFiftyStates() throws {
        let r = try run()
        func rows(_ file: String) throws -> [[String]] {
            try String(contentsOfFile: Self.root + "/Analyses/Data/" + file, encoding: .utf8)
                .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        }
        let residents = Dictionary(uniqueKeysWithValues: try rows("population-2023.csv").map { ($0[0], Double($0[2])!) })
        let rates = try rows("ncmec-2023-cybertipline-by-state.csv").filter { !["US", "UNSPECIFIED"].contains($0[0]) }
            .map { (code: $0[0], rate: Double($0[2])! / residents[$0[0]]! * 100_000) }
            .sorted { $0.rate > $1.rate }
        expectEqual(rates.count, 50)
        let rank = try require(rates.firstIndex { $0.code == "MS" }) + 1
        let median = (rates[24].rate + rates[25].rate) / 2
        expect(rank == 32 && abs(median - 228.5) < 0.05, "independent arithmetic: \(rank), \(median)")
        expectEqual(r["byState.stateCount"]?.text, "50")
        expectEqual(r["byState.rank"]?.text, "32nd")
        expect(abs(try number(r, "byState.medianRate") - median) < 1e-9)
    }

    /// Every chart of every sheet (Mississippi's and the 51 synthetic ones), laid out with the
    /// real fonts at print and phone width: no two texts overlap, no reference line runs through a label, nothing leaves
    /// the canvas.
    @Test func everyChartOfEverySheetIsLaidOutCleanly() throws {
        // The synthetic sheets' runs are shared with the other every-sheet tests.
        let shared = try SyntheticRuns.shared()
        let session = try FolioSession(analysis: "state-briefing", output: nil, computed: shared.computed, from: shared.project.root)
        let measurer = try PangoTextMeasurer()
        let engine = ChartLayoutEngine(measurer: measurer)
        let narrowEngine = ChartLayoutEngine(theme: .narrow, measurer: measurer)
        for sheet in [Self.root + "/" + Self.defaultData] + shared.sheets {
            let r = try session.compute(dataFile: sheet)
            // Each chart as printed, and as laid out again for the HTML on phones.
            let layouts = try r.charts.flatMap { chart -> [(String, Scene)] in
                var narrow = chart
                narrow.size = Size(ChartTheme.narrowWidth, chart.size.height)
                let print = (chart.id, try engine.layout(chart))
                return chart.mark.isTable ? [print] : [print, (chart.id + " (phone)", try narrowEngine.layout(narrow))]
            }
            for (id, scene) in layouts {
                let place = "\(r.outputName) \(id)"
                for (a, b) in SceneTexts.overlaps(in: scene, measurer: measurer) {
                    Issue.record("\(place): \"\(a.string)\" \(a.box) overlaps \"\(b.string)\" \(b.box)")
                }
                for c in SceneTexts.crossings(in: scene, measurer: measurer) {
                    Issue.record("\(place): a reference line at x \(c.from.x) from y \(c.from.y) runs through \"\(c.text.string)\" \(c.text.box)")
                }
                for t in SceneTexts.outside(in: scene, measurer: measurer) { Issue.record("\(place): \"\(t.string)\" is off the canvas") }
            }
        }
    }

    @Test func sevenChartsWithFindingTitles() throws {
        let r = try run()
        expectEqual(r.charts.count, 7)
        let composition = try require(r.charts.first { $0.id == "missing-composition" })
        expect(composition.title.contains("70%"), "title: \(composition.title)")
        expect(composition.title.contains("78%"))
    }

    @Test func anotherStatesSheetGivesThatStatesBriefing() throws {
        let sheet = try String(contentsOfFile: Self.root + "/" + Self.defaultData, encoding: .utf8)
            .replacingOccurrences(of: "Mississippi", with: "New Hampshire")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-nh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nh.txt").path
        try sheet.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try run(data: path)
        expectEqual(r.outputName, "new-hampshire-2023")
        expectEqual(r["state.code"]?.text, "NH")
        let nhChildren = try number(r, "state.children")
        expect(nhChildren != 679_826)
        expect(abs(try number(r, "rate.cybertipline.perChildren") - 4546 / nhChildren * 100_000) < 1e-9)
    }

    @Test func anAbsentRowIsNotReportedNotZero() throws {
        let sheet = try String(contentsOfFile: Self.root + "/" + Self.defaultData, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("HHS-ORR") }.joined(separator: "\n")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-absent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("absent.txt").path
        try sheet.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try run(data: path)
        let orr = try require(r["missing.hhsOrr"])
        expect(orr.number == nil)
        expectEqual(ValueFormatter.formatDefault(orr), "not reported")
        expect(r["missing.hhsOrrShare"]?.number == nil)
        expectEqual(try number(r, "missing.cases"), 103, "the other figures are still used")
    }
}
