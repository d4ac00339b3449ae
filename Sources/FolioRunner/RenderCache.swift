import FolioScene
import Foundation

/// Chart files this process has already encoded, by scene and format, so a chart that two
/// analyses place (the briefing and a one-pager built on its steps) is drawn once per run.
///
/// The key is the whole scene (every path, text and colour) plus the format's parameters, so a
/// hit is exactly the bytes a fresh render would give. Bounded: past `limit` entries it starts
/// afresh, so a long `folio watch` session does not grow.
final class RenderCache: @unchecked Sendable {
    /// A file format and what, besides the scene, its bytes depend on.
    enum Format: Hashable {
        case png(Double)
        case pdf(DocumentMetadata)
        case svg
    }

    private struct Key: Hashable {
        var scene: Scene
        var format: Format
    }

    static let shared = RenderCache()
    private let lock = NSLock()
    private var entries: [Key: [UInt8]] = [:]
    private let limit = 64

    /// The bytes of `scene` in `format`, encoded by `make` unless an identical request was made before.
    func bytes(for scene: Scene, as format: Format, _ make: () throws -> [UInt8]) rethrows -> [UInt8] {
        let key = Key(scene: scene, format: format)
        lock.lock()
        let hit = entries[key]
        lock.unlock()
        if let hit { return hit }
        let made = try make()
        lock.lock()
        if entries.count >= limit { entries.removeAll() }
        entries[key] = made
        lock.unlock()
        return made
    }
}
