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
}
