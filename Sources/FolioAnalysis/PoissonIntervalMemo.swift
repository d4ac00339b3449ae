import Foundation

/// Exact Poisson intervals already computed in this process, by count and level.
///
/// A briefing asks for the same count's interval more than once: a count and the rates built
/// on it (4,546 reports three times, 103 cases twice, 13 for two different figures), 9 of its 23
/// intervals. The interval is a pure function of the count and the level, so a remembered one
/// is the same bits. A short list searched in order (a dictionary's first use costs the runtime
/// a scan of every protocol conformance, more than the search ever will); bounded, and safe to
/// use from several threads.
final class PoissonIntervalMemo: @unchecked Sendable {
    static let shared = PoissonIntervalMemo()

    private struct Entry {
        var count: Double
        var level: Double
        var interval: Interval
    }

    private let lock = NSLock()
    private var entries: [Entry] = []
    /// Entries kept at most; the memo starts over when full.
    private let capacity = 256

    /// The interval for `count` and `level`, computed by `compute` the first time.
    func interval(count: Double, level: Double, compute: () -> Interval) -> Interval {
        lock.lock()
        let known = entries.first { $0.count.bitPattern == count.bitPattern && $0.level.bitPattern == level.bitPattern }
        lock.unlock()
        if let known { return known.interval }
        let interval = compute()
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries.append(Entry(count: count, level: level, interval: interval))
        lock.unlock()
        return interval
    }
}
