import Foundation
import Testing
import TestSupport
import EndToEndSupport
@testable import FolioRunner

/// A run confined to one CPU (a container with one core, `taskset -c 0`) must finish and give
/// the bytes a run on every core gives: the render lanes wait for each other, so they must be
/// real threads, never the serial fallback of `concurrentPerform` on one CPU.
@Suite(.serialized) struct OneCPUTests {
    @Test func aRunOnOneCPUFinishesWithTheSameBytes() throws {
        let taskset = "/usr/bin/taskset"
        try require(FileManager.default.isExecutableFile(atPath: taskset), "util-linux's taskset")
        let project = try TestProject()
        defer { project.remove() }
        let exe = try require(folioExecutable())
        let one = project.root + "/out-one"
        let confined = try runWithDeadline(taskset, ["-c", "0", exe, "run", "--quiet", "--dpi", "72", "--output", one], in: project.root,
                                           seconds: 60)
        expect(!confined.timedOut, "a run on one CPU hung")
        expectEqual(confined.status, 0, "stderr: \(confined.err)")
        // The same bytes as a run on every CPU (the shared reference run).
        let a = TestProject.outputSnapshot(one).filter { $0.key != ".folio-build.json" }
        let b = TestProject.outputSnapshot(try ReferenceRun.output()).filter { $0.key != ".folio-build.json" }
        expect(!a.isEmpty && a == b)
    }
}
