import Foundation
import EndToEndSupport
import FolioRunner
import StateBriefingKit

/// The 51 synthetic fact sheets, written once per test process into one project copy, and one
/// `ComputedRuns` that keeps the state briefing's run of each: the tests that go over every sheet
/// in this process (the prose of each, every chart, the one-pager's fit on A4) share them instead
/// of each computing the same 51 runs (about 27 ms each in a debug build, perf). Tests read the
/// shared project and never write to it; it is removed when the process exits.
enum SyntheticRuns {
    /// The shared project and sheets.
    struct Shared: @unchecked Sendable {
        /// The project copy the sheets are in (read-only for tests).
        let project: TestProject
        /// The sheets' paths, sorted.
        let sheets: [String]
        /// Runs computed so far, for every session over these sheets.
        let computed: ComputedRuns
    }

    /// The shared sheets, written the first time they are asked for.
    static func shared() throws -> Shared { try made.get() }

    private static let made: Result<Shared, FixtureFailure> = {
        do {
            let project = try TestProject.keptUntilExit()
            let sheets = try SyntheticSheets.write(into: project.root + "/sheets", projectRoot: project.root).sorted()
            return .success(Shared(project: project, sheets: sheets, computed: ComputedRuns()))
        } catch {
            return .failure(FixtureFailure("the synthetic sheets could not be written: \(error)"))
        }
    }()
}
