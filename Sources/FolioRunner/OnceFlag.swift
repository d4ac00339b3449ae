import Foundation

/// Runs a closure the first time `run` is called, whatever the thread; later calls do nothing.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    /// Whether `run` has been called.
    var hasRun: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    func run(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        body()
    }
}
