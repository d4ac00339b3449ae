import Foundation

/// One `folio run --quiet --dpi 72` of an unchanged copy of the project, made once per test
/// process and shared by the tests that compare their own run's bytes with a plain run's (a
/// second process, one CPU, two runs at once) or only read a plain run's files (tagged PDFs):
/// each of them used to make the same run for itself (about 0.5 CPU-seconds a run, debug).
/// Tests only read it; it is removed when the process exits.
public enum ReferenceRun {
    /// The reference run's output folder, made the first time it is asked for.
    public static func output() throws -> String { try made.get() }

    private static let made: Result<String, FixtureFailure> = {
        do {
            guard let exe = folioExecutable() else { return .failure(FixtureFailure("no folio executable beside the tests")) }
            let project = try TestProject.keptUntilExit()
            let out = project.root + "/reference"
            let run = try runProcess(exe, ["run", "--quiet", "--dpi", "72", "--output", out], in: project.root)
            guard run.status == 0 else { return .failure(FixtureFailure("the reference run failed: \(run.err)")) }
            return .success(out)
        } catch {
            return .failure(FixtureFailure("the reference run could not start: \(error)"))
        }
    }()
}
