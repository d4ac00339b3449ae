import Foundation
import Testing
import TestSupport
import EndToEndSupport
@testable import FolioRunner

/// The manifest, incremental runs and `check`'s explanation of what changed.
@Suite(.serialized) struct IncrementalRunTests {
    @Test func unchangedRerunSkipsAndForceRenders() throws {
        let project = try TestProject()
        defer { project.remove() }
        let session = try FolioSession(analysis: "state-briefing", output: project.root + "/out", from: project.root)
        expect(try session.run(dataFile: nil).hasPrefix("Wrote"))
        expect(try session.run(dataFile: nil).hasPrefix("Up to date"))
        expect(try session.run(dataFile: nil, force: true).hasPrefix("Wrote"))
        // Deleting an output makes the next run render again.
        try FileManager.default.removeItem(atPath: project.root + "/out/state-briefing/mississippi-2023/figures.csv")
        expect(try session.run(dataFile: nil).hasPrefix("Wrote"))
    }

    @Test func manifestRecordsInputsAndOutputsWithHashes() throws {
        let project = try TestProject()
        defer { project.remove() }
        let session = try FolioSession(analysis: "state-briefing", output: project.root + "/out", from: project.root)
        _ = try session.run(dataFile: nil)
        let manifest = Manifest.load(from: project.root + "/out/manifest.json")
        let entry = try require(manifest.entries["state-briefing Analyses/Data/ncmec-2023-mississippi.txt"])
        expect(entry.inputs.keys.contains("Analyses/StateBriefing/briefing.md"))
        expect(entry.inputs.keys.contains("Analyses/Data/population-2023.csv"))
        expect(entry.inputs.keys.contains("Analyses/StateBriefing/BriefingInputs.swift"))
        let pdfHash = try require(entry.outputs["state-briefing/mississippi-2023/briefing.pdf"])
        expectEqual(pdfHash, ContentHash.ofFile(project.root + "/out/state-briefing/mississippi-2023/briefing.pdf"))
        expect(entry.inputs.values.allSatisfy { $0.count == 64 })
    }

    @Test func editingTheNarrativeRerendersAndCheckNamesIt() throws {
        let project = try TestProject()
        defer { project.remove() }
        let session = try FolioSession(analysis: "state-briefing", output: project.root + "/out", from: project.root)
        _ = try session.run(dataFile: nil)
        let narrative = "Analyses/StateBriefing/briefing.md"
        try project.write(narrative, try project.read(narrative).replacingOccurrences(of: "## Summary", with: "## In brief"))
        let stale = try session.check(dataFile: nil)
        expect(stale.contains { $0.contains("briefing.pdf") && $0.contains(narrative) })
        expect(!stale.contains { $0.contains("charts/") }, "charts do not use the narrative: \(stale)")
        expect(try session.run(dataFile: nil).hasPrefix("Wrote"))
        expect(try session.check(dataFile: nil).isEmpty)
    }

    /// Held runs are staged as they come and reach their folders only when published, together,
    /// with one manifest update; held and never published (a later analysis failed), they leave
    /// the output folder as it was, with no staging folder behind.
    @Test func heldRunsAreSwappedInTogetherOrNotAtAll() throws {
        let project = try TestProject()
        defer { project.remove() }
        let out = project.root + "/out"
        try TestProject.seedOutput(out)
        let before = TestProject.outputSnapshot(out)
        let computed = ComputedRuns()
        let sessions = try ["state-briefing", "one-pager"].map {
            try FolioSession(analysis: $0, output: out, dpi: 72, computed: computed, from: project.root)
        }
        let abandoned = WriteBehind()
        for session in sessions { abandoned.hold(try session.prepare(dataFile: nil, force: true)) }
        expectEqual(try abandoned.finish(), [])
        expectEqual(TestProject.outputSnapshot(out), before)
        expect(TestProject.stagingLeftovers(out).isEmpty)

        let writes = WriteBehind()
        for session in sessions { writes.hold(try session.prepare(dataFile: nil, force: true)) }
        let staged = TestProject.outputSnapshot(out).filter { !$0.key.hasPrefix(OutputWriter.stagingPrefix) }
        expectEqual(staged, before, "nothing published before publishHeld")
        writes.publishHeld()
        let lines = try writes.finish()
        expectEqual(lines.count, 2)
        expect(lines[0].contains("state-briefing") && lines[1].contains("one-pager"), "\(lines)")
        let after = TestProject.outputSnapshot(out)
        // At 72 dpi, not the seeded 200: the PNGs are new.
        for chart in ["state-briefing/mississippi-2023/charts/share-of-national.png", "one-pager/mississippi-2023/charts/missing-composition.png"] {
            expect(after[chart] != nil && after[chart] != before[chart], "\(chart)")
        }
        let manifest = Manifest.load(from: out + "/manifest.json")
        for id in ["state-briefing", "one-pager"] {
            expectEqual(try require(manifest.entries["\(id) Analyses/Data/ncmec-2023-mississippi.txt"]).parameters["dpi"], "72")
        }
        expect(TestProject.stagingLeftovers(out).isEmpty)
    }
}
