import Foundation
import FolioData
import Testing
import TestSupport
import EndToEndSupport

/// Statements that depend on numbers are computed, so they flip with the data: for sheets whose
/// shares of national figures sit above the state's population shares everywhere, below
/// everywhere, and on both sides, the chart title, its alternative text, the prose and
/// figures.csv all say the same thing.
@Suite struct ComputedClaimsTests {
    /// Mississippi's sheet with its missing-child cases (total and parts) and Team HOPE count replaced.
    func sheet(cases: (total: Int, socialServices: Int, other: Int, hhs: Int), teamHope: Int) throws -> String {
        var text = try String(contentsOfFile: TestProject.repositoryRoot + "/Analyses/Data/ncmec-2023-mississippi.txt", encoding: .utf8)
        for (old, new) in [("handled 103 cases of missing children", "handled \(cases.total) cases of missing children"),
                           ("Social Services Facility\t72", "Social Services Facility\t\(cases.socialServices)"),
                           ("Other Missing Children Cases\t18", "Other Missing Children Cases\t\(cases.other)"),
                           ("(HHS-ORR) :\t13", "(HHS-ORR) :\t\(cases.hhs)"),
                           ("including 20 survivors/families", "including \(teamHope) survivors/families")] {
            expect(text.contains(old), "the sheet no longer says \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// figures.csv as name → value, read with the project's CSV reader (SwiftCSV).
    func figures(_ path: String) throws -> [String: String] {
        let document = try CSVDocument.parse(text: try String(contentsOfFile: path, encoding: .utf8), file: path)
        var out: [String: String] = [:]
        for record in document.records where record.fields.count > 3 { out[record.fields[0].text] = record.fields[3].text }
        return out
    }

    @Test func sharesAboveBelowAndAroundThePopulationShareReadTheSameEverywhere() throws {
        let project = try TestProject()
        defer { project.remove() }
        let variants: [(file: String, expected: String, cases: (Int, Int, Int, Int), teamHope: Int)] = [
            ("above.txt", "above", (400, 300, 60, 40), 80),   // 1.38%, 1.34%, 1.39% against 0.93% and 0.88%
            ("below.txt", "below", (103, 72, 18, 13), 20),    // Mississippi's own: 0.36%, 0.32%, 0.35%
            ("mixed.txt", "on both sides of", (300, 72, 188, 40), 20),  // 1.04%, 0.32%, 0.35%
        ]
        for v in variants {
            try project.write(v.file, try sheet(cases: (v.cases.0, v.cases.1, v.cases.2, v.cases.3), teamHope: v.teamHope))
        }
        let exe = try require(folioExecutable())
        // One folder per sheet: give each its own output, as they share a state and year.
        for v in variants {
            let out = project.root + "/out-" + v.file
            let run = try runProcess(exe, ["run", "--quiet", "--dpi", "72", "--analysis", "state-briefing", "--data", v.file, "--output", out],
                                     in: project.root)
            try require(run.status == 0, "\(v.file): \(run.err)")
            let folder = out + "/state-briefing/mississippi-2023"
            let csv = try figures(folder + "/figures.csv")
            // The numbers, read independently from figures.csv.
            let children = try require(Double(csv["share.children"] ?? ""))
            let shares = try ["share.missingCases", "share.socialServices", "share.teamHope"].map { try require(Double(csv[$0] ?? "")) }
            let computed = shares.allSatisfy { $0 < children } ? "below" : shares.allSatisfy { $0 > children } ? "above" : "on both sides of"
            expectEqual(computed, v.expected, "\(v.file): the sheet does not make the case it is meant to")
            expectEqual(csv["finding.sharesVsChildren"], v.expected, "\(v.file): figures.csv says \(csv["finding.sharesVsChildren"] ?? "-")")
            let detail = try require(csv["finding.sharesVsChildren.detail"])
            // Prose, title and alternative text use the finding.
            let markdown = try String(contentsOfFile: folder + "/briefing.md", encoding: .utf8)
            expect(markdown.contains("share of US children, \(detail);"), "\(v.file): the prose does not say \(detail)")
            let html = try String(contentsOfFile: folder + "/briefing.html", encoding: .utf8)
                .replacingOccurrences(of: "&#39;", with: "'")
            expect(html.contains("Against the share of children, \(detail);"), "\(v.file): the alt text does not say \(detail)")
            let svgText = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            expect(svgText.contains("caseloads is \(v.expected) its"), "\(v.file): the chart title does not say \(v.expected)")
            switch v.expected {
            case "above": expectEqual(detail, "all three shares sit above it")
            case "below": expectEqual(detail, "all three shares sit below it")
            default:
                expect(detail.contains("the share of missing-child cases sits above it"), "\(detail)")
                expect(detail.contains("sit below it"), "\(detail)")
                expect(!markdown.contains("All three"), "no sentence may still say all three sit on one side")
            }
        }
    }
}
