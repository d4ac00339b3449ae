import Foundation

/// Commits rendered runs on a background thread, one at a time and in order, so a command
/// renders the next analysis while the last one's files are written and synced.
///
/// After a commit fails, later ones are skipped: as when runs were written one after another,
/// nothing after the first failure reaches the disk.
public final class WriteBehind: @unchecked Sendable {
    private let queue = DispatchQueue(label: "folio.write-behind")
    private let lock = NSLock()
    private var summaries: [String] = []
    private var failure: (any Error)?

    public init() {}

    /// Queues `write`'s commit after every earlier one.
    public func enqueue(_ write: PendingWrite) {
        queue.async { [self] in
            lock.lock()
            let failed = failure != nil
            lock.unlock()
            guard !failed else { return }
            do {
                let summary = try write.commit()
                lock.lock(); summaries.append(summary); lock.unlock()
            } catch {
                lock.lock(); failure = failure ?? error; lock.unlock()
            }
        }
    }

    /// Waits for every queued commit; returns the summaries of those not yet returned, in
    /// order, or throws the first failure.
    public func finish() throws -> [String] {
        queue.sync {}
        lock.lock(); defer { lock.unlock() }
        if let failure { throw failure }
        defer { summaries = [] }
        return summaries
    }
}
