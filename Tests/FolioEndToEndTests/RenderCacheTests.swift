import Testing
import TestSupport
import EndToEndSupport
import FolioScene
@testable import FolioRunner

/// The in-process cache of encoded chart files: a hit only for the same scene and format.
struct RenderCacheTests {
    final class Calls: @unchecked Sendable { var n = 0 }

    @Test func reusesOnlyIdenticalRequests() {
        let cache = RenderCache()
        let calls = Calls()
        func make(_ tag: UInt8) -> () -> [UInt8] { { calls.n += 1; return [tag] } }
        let scene = Scene(size: Size(10, 10), items: [.fill(.rect(Rect(x: 0, y: 0, width: 5, height: 5)), .black)])
        var moved = scene
        moved.items = [.fill(.rect(Rect(x: 0, y: 0, width: 5, height: 5.001)), .black)]
        let meta = DocumentMetadata(title: "A", date: "2024-01-01T00:00:00")
        expectEqual(cache.bytes(for: scene, as: .png(2), make(1)), [1])
        expectEqual(cache.bytes(for: scene, as: .png(2), make(9)), [1])
        expectEqual(calls.n, 1)
        expectEqual(cache.bytes(for: scene, as: .png(3), make(2)), [2])
        expectEqual(cache.bytes(for: moved, as: .png(2), make(3)), [3])
        expectEqual(cache.bytes(for: scene, as: .pdf(meta), make(4)), [4])
        var other = meta
        other.title = "B"
        expectEqual(cache.bytes(for: scene, as: .pdf(other), make(5)), [5])
        expectEqual(cache.bytes(for: scene, as: .svg, make(6)), [6])
        expectEqual(calls.n, 6)
    }
}
