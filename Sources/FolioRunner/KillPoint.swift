import Foundation

/// A test hook: with `FOLIO_TEST_KILL_AT=<phase>` in the environment, the process kills itself
/// (SIGKILL, as a power cut or the OOM killer would) when it reaches that phase of writing, so
/// tests can stop a run at an exact point however loaded the machine is. Phases, in order:
/// `staging` (one file staged), `staged`, `synced`, `swapped` (folders in place, loose files
/// such as the manifest not yet), `renamed`, `written`. Costs one comparison when unset.
enum KillPoint {
    static let phases = ["staging", "staged", "synced", "swapped", "renamed", "written"]
    private static let target = ProcessInfo.processInfo.environment["FOLIO_TEST_KILL_AT"]

    static func reached(_ phase: String) {
        guard let target, target == phase else { return }
        kill(getpid(), SIGKILL)
    }
}
