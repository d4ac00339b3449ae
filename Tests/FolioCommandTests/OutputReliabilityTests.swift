import Foundation
import TestSupport
import EndToEndSupport
import Testing
@testable import FolioRunner
import FolioCairo
import FolioCharts

/// Kills, concurrent runs and unwritable outputs: the output folder always holds one complete
/// briefing, and every failure names the path.
@Suite(.serialized) struct OutputReliabilityTests {
    /// Output of a run on `project` with the fact sheet's first figure set to `reports`.
    private func setReports(_ project: TestProject, _ reports: String) throws {
        let sheet = "Analyses/Data/ncmec-2023-mississippi.txt"
        let original = try String(contentsOfFile: TestProject.repositoryRoot + "/" + sheet, encoding: .utf8)
        try project.write(sheet, original.replacingOccurrences(of: "4,546 CyberTipline", with: reports + " CyberTipline"))
    }

    /// A run killed (SIGKILL) at each phase of writing, at an exact point whatever the load
    /// (`FOLIO_TEST_KILL_AT`): the reader finds the old briefing whole until the folder swap and
    /// the new one whole after it; the manifest is whole and at most one run behind; the next
    /// run cleans what the killed one left.
    @Test func aRunKilledAtAnyPhaseLeavesTheOldOrTheNewBriefingWhole() throws {
        let exe = try require(folioExecutable())
        let project = try TestProject()
        defer { project.remove() }
        let out = project.root + "/out"
        // The one-pager at 72 dpi: the cheapest briefing keeps each of the killed runs quick; the
        // phases of writing are the same for every analysis.
        let run = ["run", "-q", "--force", "--analysis", "one-pager", "--dpi", "72", "--output", out]
        // The two complete outputs a reader may see: A (4,546 reports) and B (4,547).
        try setReports(project, "4,547")
        expectEqual(try runWithDeadline(exe, run, in: project.root).status, 0)
        let b = TestProject.outputSnapshot(out)
        try setReports(project, "4,546")
        expectEqual(try runWithDeadline(exe, run, in: project.root).status, 0)
        let a = TestProject.outputSnapshot(out)
        expect(a != b && !a.isEmpty)
        func briefing(_ s: [String: Data]) -> [String: Data] { s.filter { !TestProject.bookkeeping.contains($0.key) } }

        var shown = (snapshot: a, reports: "4,546")
        for phase in KillPoint.phases {
            let next = shown.reports == "4,546" ? (snapshot: b, reports: "4,547") : (snapshot: a, reports: "4,546")
            try setReports(project, next.reports)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = run
            p.environment = ProcessInfo.processInfo.environment.merging(["FOLIO_TEST_KILL_AT": phase]) { $1 }
            p.currentDirectoryURL = URL(fileURLWithPath: project.root)
            p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL, "\(phase): the run was not killed")
            let seen = TestProject.outputSnapshot(out).filter { !$0.key.hasPrefix(".folio-staging") }
            let swapped = KillPoint.phases.firstIndex(of: phase)! >= KillPoint.phases.firstIndex(of: "swapped")!
            let expected = swapped ? next.snapshot : shown.snapshot
            expectEqual(briefing(seen), briefing(expected), "killed at \(phase): not the \(swapped ? "new" : "old") briefing, whole")
            // The manifest is renamed after the folder: one run behind at most, never partial.
            let manifestCurrent = KillPoint.phases.firstIndex(of: phase)! >= KillPoint.phases.firstIndex(of: "renamed")!
            expectEqual(seen["manifest.json"], (manifestCurrent ? next.snapshot : shown.snapshot)["manifest.json"],
                    "killed at \(phase): the manifest")
            if swapped { shown = next }
        }
        // The next run cleans every staging folder the killed runs left.
        expectEqual(try runWithDeadline(exe, run, in: project.root).status, 0)
        expect(TestProject.stagingLeftovers(out).isEmpty, "staging leftovers: \(TestProject.stagingLeftovers(out))")
        expectEqual(TestProject.outputSnapshot(out), (shown.reports == "4,546" ? a : b))
    }

    @Test func twoRunsStartedTogetherGiveTheSameOutputAsOne() throws {
        let exe = try require(folioExecutable())
        let project = try TestProject()
        defer { project.remove() }
        // 72 dpi: the runs' agreement with one run alone (the shared reference) is what is tested, not the pixels.
        let reference = try ReferenceRun.output(), out = project.root + "/out"
        let outcomes = try [0, 1].map { _ -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = ["run", "-q", "--dpi", "72", "--output", out]
            p.currentDirectoryURL = URL(fileURLWithPath: project.root)
            p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in outcomes { p.waitUntilExit(); expect(p.terminationStatus == 0 && p.terminationReason == .exit) }
        expectEqual(TestProject.outputSnapshot(out), TestProject.outputSnapshot(reference))
        expect(TestProject.stagingLeftovers(out).isEmpty)
    }

    @Test func aSecondRunWaitsForTheLockOrRefusesWithNoWait() throws {
        let exe = try require(folioExecutable())
        let project = try TestProject()
        defer { project.remove() }
        let out = project.root + "/out"
        var lock: OutputLock? = try OutputLock.acquire(outputRoot: out, wait: false)
        let refused = try runWithDeadline(exe, ["run", "--no-wait", "--output", out], in: project.root)
        expectEqual(refused.status, 75, "stderr: \(refused.err)")
        expect(refused.err.contains("another folio run is writing to \(out)"))
        expect(TestProject.outputSnapshot(out).isEmpty)

        // Without --no-wait the run says it waits, then finishes once the lock is released.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = ["run", "-q", "--dpi", "72", "--output", out]
        p.currentDirectoryURL = URL(fileURLWithPath: project.root)
        let err = Pipe()
        p.standardError = err; p.standardOutput = FileHandle.nullDevice
        try p.run()
        // Until the run says it waits (read as it is written, not after a fixed sleep).
        var said = Data()
        let waiting = "waiting for another folio run on \(out)…"
        while !String(decoding: said, as: UTF8.self).contains(waiting) {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the run ended without waiting
            said.append(chunk)
        }
        expect(String(decoding: said, as: UTF8.self).contains(waiting), "stderr: \(String(decoding: said, as: UTF8.self))")
        expect(p.isRunning, "the second run must wait while the lock is held")
        expect(TestProject.outputSnapshot(out).isEmpty)
        withExtendedLifetime(lock) {}
        lock = nil
        said.append(err.fileHandleForReading.readDataToEndOfFile())
        p.waitUntilExit()
        expectEqual(p.terminationStatus, 0, "stderr: \(String(decoding: said, as: UTF8.self))")
        expect(!TestProject.outputSnapshot(out).isEmpty)
    }

    @Test func anOutputThatIsAFileIsAnInputErrorNamingIt() throws {
        let exe = try require(folioExecutable())
        let project = try TestProject()
        defer { project.remove() }
        let file = project.root + "/not-a-folder"
        try project.write("not-a-folder", "keep me\n")
        let r = try runWithDeadline(exe, ["run", "--output", file], in: project.root)
        expectEqual(r.status, 1, "stderr: \(r.err)")
        expect(r.err.contains(file) && r.err.contains("expected a folder"), "stderr: \(r.err)")
        expectEqual(try project.read("not-a-folder"), "keep me\n")

        // A file where the analysis's folder should be.
        let out = project.root + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try project.write("out/state-briefing", "in the way\n")
        // The state briefing alone, at 72 dpi: the run renders before it writes, and only the write is tested.
        let r2 = try runWithDeadline(exe, ["run", "--analysis", "state-briefing", "--dpi", "72", "--output", out], in: project.root)
        expectEqual(r2.status, 1, "stderr: \(r2.err)")
        expect(r2.err.contains(out + "/state-briefing") && r2.err.contains("expected a folder"), "stderr: \(r2.err)")
        expectEqual(try project.read("out/state-briefing"), "in the way\n")
        expect(TestProject.stagingLeftovers(out).isEmpty)
    }

    /// Whether `chattr` can make a folder immutable here (ext4 and most disk file systems; not tmpfs).
    static let immutableFoldersWork: Bool = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-immutable-\(getpid())").path
        guard (try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)) != nil else { return false }
        defer { _ = try? runProcess("/usr/bin/chattr", ["-i", dir]); try? FileManager.default.removeItem(atPath: dir) }
        return (try? runProcess("/usr/bin/chattr", ["+i", dir]))?.status == 0
    }()

    /// A folder the run cannot write into: read-only for a user; for root (as in CI), which
    /// ignores permissions, also immutable (`chattr +i`), which root's writes respect too.
    @Test(.enabled(if: getuid() != 0 || immutableFoldersWork, "root here cannot be kept from writing a folder"))
    func aReadOnlyOutputIsAnInputErrorNamingIt() throws {
        let exe = try require(folioExecutable())
        // In the temporary folder, where `immutableFoldersWork` found that chattr works (the
        // default scratch folder may be a tmpfs, which has no immutable flag).
        let project = try TestProject(in: FileManager.default.temporaryDirectory.path)
        let out = project.root + "/out"
        defer {
            if getuid() == 0 { _ = try? runProcess("/usr/bin/chattr", ["-i", out]) }
            chmod(out, 0o755); project.remove()
        }
        try TestProject.seedOutput(out)
        let before = TestProject.outputSnapshot(out)
        chmod(out, 0o555)
        if getuid() == 0 { try require(try runProcess("/usr/bin/chattr", ["+i", out]).status == 0) }
        // --force: the seeded output may be current for this build, and a run that writes nothing
        // succeeds. One analysis at 72 dpi: what is tested is the refused write, not the render.
        let r = try runWithDeadline(exe, ["run", "--force", "--analysis", "state-briefing", "--dpi", "72", "--output", out], in: project.root)
        expectEqual(r.status, 1, "stderr: \(r.err)")
        expect(r.err.contains(out), "stderr: \(r.err)")
        expectEqual(TestProject.outputSnapshot(out), before)
    }

    /// A sink that fails like a full disk after `budget` files.
    struct FullDisk: FileSink {
        var budget: Int
        let counter = Counter()
        final class Counter: @unchecked Sendable { var n = 0 }
        func write(_ bytes: [UInt8], to path: String) throws(FileSinkError) {
            counter.n += 1
            if counter.n < budget { return try DiskSink().write(bytes, to: path) }
            try DiskSink().write(Array(bytes.prefix(bytes.count / 2)), to: path)  // a torn write, then the error
            throw FileSinkError(path: path, code: ENOSPC)
        }
    }

    @Test func aFullDiskNamesTheFileAndReplacesNothing() throws {
        let project = try TestProject()
        defer { project.remove() }
        let out = project.root + "/out"
        try TestProject.seedOutput(out)
        let before = TestProject.outputSnapshot(out)
        let session = try FolioSession(analysis: "state-briefing", output: out, from: project.root)
        let (_, folder, files) = try session.render(dataFile: nil)
        for budget in [1, 5, files.count] {
            let writer = OutputWriter(root: out, sink: FullDisk(budget: budget))
            do {
                try writer.write(files, replacing: [folder])
                Issue.record("a full disk must fail the write")
            } catch let error as FolioError {
                expectEqual(error.exitCode, 1)
                expect(error.description.contains(out + "/" + files[budget - 1].path), "\(error)")
                expect(error.description.contains("No space left on device"), "\(error)")
            }
            expectEqual(TestProject.outputSnapshot(out), before, "budget \(budget): output changed")
            expect(TestProject.stagingLeftovers(out).isEmpty)
        }
        // With room again, the same files go in whole.
        try OutputWriter(root: out).write(files, replacing: [folder])
        expect(try session.check(dataFile: nil).isEmpty)
    }

    @Test func aStagingFolderOfADeadRunIsRemovedAndALiveOneKept() throws {
        let project = try TestProject()
        defer { project.remove() }
        let out = project.root + "/out"
        let dead = out + "/.folio-staging-999999999", alive = out + "/.folio-staging-1", junk = out + "/.folio-staging-x"
        for folder in [dead, alive, junk] {
            try FileManager.default.createDirectory(atPath: folder + "/state-briefing", withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: folder + "/state-briefing/half.pdf", contents: Data("%PDF-1.".utf8))
        }
        OutputWriter.removeStaleStaging(in: out)
        expectEqual(TestProject.stagingLeftovers(out), [".folio-staging-1"], "pid 1 (init) is alive; the rest are stale")
    }

    /// Charts with no data or only zeros cannot come from the files (the tables refuse them), so
    /// the layout engine is asked directly: it must throw or draw, never trap.
    @Test func chartsWithNoDataOrOnlyZerosDoNotCrash() throws {
        let engine = ChartLayoutEngine(measurer: try PangoTextMeasurer())
        let axis = ValueAxis(title: "Cases")
        let marks: [ChartMark] = [
            .bars(BarMark(categories: [], series: [], axis: axis)),
            .bars(BarMark(categories: ["A", "B"], series: [Series(name: "s", values: [0, 0])], axis: axis)),
            .bars(BarMark(categories: ["A", "B"], series: [Series(name: "s", values: [nil, nil])], axis: axis)),
            .rankedDots(RankedDotMark(items: [], axis: axis)),
            .rankedDots(RankedDotMark(items: [RankedItem(label: "A", value: 0), RankedItem(label: "B", value: 0)], axis: axis)),
            .rankedDots(RankedDotMark(items: [RankedItem(label: "A", value: 0)], axis: ValueAxis(title: "Log", scale: .log))),
            .table(TableMark(columns: [], rows: [])),
        ]
        // Nothing to draw is an error that names the chart, the phase and what is missing;
        // zeros and values not reported are drawn.
        let refusals = [0: "chart 'c0' [normalize]: no categories to draw",
                        3: "chart 'c3' [normalize]: ranked dot plot has no items with a finite value",
                        6: "chart 'c6' [normalize]: table has no columns"]
        for (i, mark) in marks.enumerated() {
            let chart = Chart(id: "c\(i)", title: "Empty", source: "test", mark: mark, altText: "empty")
            do {
                let scene = try engine.layout(chart)
                expect(refusals[i] == nil, "chart \(i) should have been refused")
                expect(scene.size.width > 0 && scene.size.height > 0)
            } catch {
                expectEqual("\(error)", refusals[i], "chart \(i): \(error)")
            }
        }
    }
}
