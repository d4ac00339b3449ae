import Foundation
import FolioAnalysis

/// Analysis runs already computed in this process, keyed by analysis and data file, so several
/// targets over the same steps and data (a briefing and a narrative-only one-pager) compute once.
/// Steps read only their inputs, so a run is the same whichever target asks for it.
public final class ComputedRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [String: AnalysisRun] = [:]

    public init() {}

    /// The run for `key`, computing it with `make` the first time.
    func run(_ key: String, _ make: () throws -> AnalysisRun) rethrows -> AnalysisRun {
        lock.lock()
        if let cached = runs[key] { lock.unlock(); return cached }
        lock.unlock()
        let run = try make()
        lock.lock()
        runs[key] = run
        lock.unlock()
        return run
    }
}
