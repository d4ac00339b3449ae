import Foundation

/// Reusable pixel memory for PNG bands (`CairoSceneRenderer.bandBytes` each): newly mapped pages
/// cost a page fault apiece, so a buffer goes back to the pool after a chart and the next chart
/// reuses it (at most `limit` are kept).
final class PixelBuffers: @unchecked Sendable {
    static let shared = PixelBuffers()
    private let lock = NSLock()
    private var free: [(pointer: UnsafeMutableRawPointer, capacity: Int)] = []
    private let limit = 1

    /// A buffer of at least `count` bytes, contents unspecified.
    func take(_ count: Int) -> (pointer: UnsafeMutableRawPointer, capacity: Int) {
        lock.lock(); defer { lock.unlock() }
        if let i = free.firstIndex(where: { $0.capacity >= count }) { return free.remove(at: i) }
        if let last = free.popLast() { last.pointer.deallocate() }
        return (UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 64), count)
    }

    func give(_ buffer: (pointer: UnsafeMutableRawPointer, capacity: Int)) {
        lock.lock(); defer { lock.unlock() }
        if free.count < limit { free.append(buffer) } else { buffer.pointer.deallocate() }
    }
}
