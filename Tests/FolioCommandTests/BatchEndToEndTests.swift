import Foundation
import Testing
import TestSupport
import EndToEndSupport
@testable import FolioRunner
import StateBriefingKit

/// Batch runs: globs, `--jobs`, synthetic sheets (DC included) and byte-identical outputs.
@Suite(.serialized) struct BatchEndToEndTests {
    /// bench.sh writes its sheets with scripts/synthetic-sheets.py, a port of `SyntheticSheets`.
    @Test func theBenchmarkScriptWritesTheSameSheetsAsTheSwiftGenerator() throws {
        let project = try TestProject()
        defer { project.remove() }
        let swift = try SyntheticSheets.write(into: project.root + "/swift", projectRoot: TestProject.repositoryRoot)
        let r = try runProcess("/usr/bin/env", ["python3", TestProject.repositoryRoot + "/scripts/synthetic-sheets.py", project.root + "/python"])
        expectEqual(r.status, 0, "\(r.err)")
        expectEqual(swift.count, 51)
        for path in swift {
            let name = (path as NSString).lastPathComponent
            expectEqual(FileManager.default.contents(atPath: path), FileManager.default.contents(atPath: project.root + "/python/" + name), "\(name)")
        }
    }

    @Test func outputsAreTheSameBytesWhateverTheNumberOfJobs() throws {
        let project = try TestProject()
        defer { project.remove() }
        let exe = try require(folioExecutable(), "the folio executable should be built beside the tests")
        let sheets = project.root + "/sheets"
        let all = try SyntheticSheets.write(into: sheets, projectRoot: project.root)
        expectEqual(all.count, 51)
        // Three sheets, DC among them (it has no row in the by-state table).
        let picked = ["alabama", "district-of-columbia", "wyoming"].map { sheets + "/" + $0 + ".txt" }
        for p in picked { expect(all.contains(p)) }
        let first = try require(String(contentsOfFile: picked[1], encoding: .utf8).split(separator: "\n").first)
        expect(first.hasPrefix("SYNTHETIC"))
        var snapshots: [[String: Data]] = []
        // One job, and more jobs than this machine has cores, over the state briefing (the
        // analysis with charts; both analyses in one batch are ShardEndToEndTests' single run).
        for jobs in ["1", "3"] {
            let out = project.root + "/out-\(jobs)"
            // 72 dpi: the bytes must agree whatever the resolution; small PNGs keep the batch quick.
            let result = try runProcess(exe, ["run", "--quiet", "--dpi", "72", "--jobs", jobs, "--analysis", "state-briefing", "--output", out]
                + picked.flatMap { ["--data", $0] }, in: project.root)
            expectEqual(result.status, 0, "stderr: \(result.err)")
            snapshots.append(TestProject.snapshot(out))
        }
        let perBriefing = snapshots[0].keys.filter { $0.hasPrefix("state-briefing/alabama-2023/") }.count
        expect(perBriefing >= 21)
        expectEqual(snapshots[0].keys.filter { $0.hasPrefix("state-briefing/") }.count, 3 * perBriefing)
        expectEqual(snapshots[0], snapshots[1])
        let dc = try require(snapshots[0]["state-briefing/district-of-columbia-2023/briefing.md"])
        let dcText = String(decoding: dc, as: UTF8.self)
        expect(dcText.contains("has no rate and no rank"))
        // A missing by-state count reads as a sentence (a condition chooses it), not "not reported".
        expect(dcText.contains("it has no row for the District of Columbia"))
        expect(!dcText.contains("gives District of Columbia"))
        // A glob Folio expands itself gives a briefing for every sheet it matches, each whole
        // (the one-pager alone: the cheaper briefing).
        let glob = try runProcess(exe, ["run", "--quiet", "--dpi", "72", "--analysis", "one-pager",
                                        "--output", project.root + "/out-glob", "--data", sheets + "/w*.txt"], in: project.root)
        expectEqual(glob.status, 0, "stderr: \(glob.err)")
        // Each of the four holds the files a one-pager has (the shared reference run's, for Mississippi).
        let reference = "one-pager/mississippi-2023/"
        let perOnePager = TestProject.snapshot(try ReferenceRun.output()).keys.filter { $0.hasPrefix(reference) }
            .map { String($0.dropFirst(reference.count)) }
        expect(perOnePager.contains("briefing.pdf"))
        let globbed = Set(TestProject.snapshot(project.root + "/out-glob").keys.filter { $0.hasPrefix("one-pager/") })
        let expected = ["washington", "west-virginia", "wisconsin", "wyoming"].flatMap { state in
            perOnePager.map { "one-pager/\(state)-2023/" + $0 }
        }
        expectEqual(globbed, Set(expected))
    }
}
