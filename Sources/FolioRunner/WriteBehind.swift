import Foundation

/// Commits rendered runs on a background thread, one at a time and in order, so a command
/// renders the next analysis while the last one's files are written and synced.
///
/// `enqueue` commits each run on its own, as soon as it can; `hold` stages a run's files at once
/// but publishes them only with `publishHeld`, together with every other held run (`StagedRuns`),
/// so a command that must write all or nothing still writes while it renders.
/// After a commit fails, later ones are skipped: as when runs were written one after another,
/// nothing after the first failure reaches the disk.
public final class WriteBehind: @unchecked Sendable {
    private let queue = DispatchQueue(label: "folio.write-behind")
    private let lock = NSLock()
    private var summaries: [String] = []
    private var failure: (any Error)?
    /// Runs held for `publishHeld`; touched only on `queue`.
    private let held = StagedRuns()

    public init() {}

    /// Queues `write`'s commit after every earlier one.
    public func enqueue(_ write: PendingWrite) {
        run { [self] in
            let summary = try write.commit()
            lock.lock(); summaries.append(summary); lock.unlock()
        }
    }

    /// Queues the staging of `write`'s files; they reach their folders at `publishHeld()`.
    public func hold(_ write: PendingWrite) {
        run { [self] in try held.add(write) }
    }

    /// Queues the publishing of every held run, together.
    public func publishHeld() {
        run { [self] in
            let lines = try held.publish()
            lock.lock(); summaries += lines; lock.unlock()
        }
    }

    /// Waits for every queued commit; returns the summaries of those not yet returned, in
    /// order, or throws the first failure. Held runs not published by then are discarded.
    public func finish() throws -> [String] {
        queue.sync { held.discard() }
        lock.lock(); defer { lock.unlock() }
        if let failure { throw failure }
        defer { summaries = [] }
        return summaries
    }

    /// Runs `work` on the queue unless an earlier piece of work failed; records its failure.
    private func run(_ work: @escaping @Sendable () throws -> Void) {
        queue.async { [self] in
            lock.lock()
            let failed = failure != nil
            lock.unlock()
            guard !failed else { return }
            do { try work() } catch {
                lock.lock(); failure = failure ?? error; lock.unlock()
            }
        }
    }
}
