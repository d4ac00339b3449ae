import Foundation

/// Serialises manifest updates between briefings rendered in parallel in one process.
final class ManifestLock: @unchecked Sendable {
    static let shared = ManifestLock()
    private let lock = NSLock()
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
