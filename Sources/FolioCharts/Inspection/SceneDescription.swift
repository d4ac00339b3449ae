import Foundation
import FolioScene

/// A readable, stable description of a scene for tests: one line per item, numbers rounded to
/// 0.1 pt, texts with their string, font and origin. Compare descriptions, not pixels.
public enum SceneDescription {
    public static func describe(_ scene: Scene) -> String {
        var lines = ["scene \(f(scene.size.width))x\(f(scene.size.height))"]
        describe(scene.items, indent: "", into: &lines)
        return lines.joined(separator: "\n")
    }

    /// Only the texts: `"string" @ (x, y) size weight`, one per line.
    public static func texts(_ scene: Scene) -> [String] {
        describe(scene).split(separator: "\n").map(String.init).filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("text") }
    }

    private static func describe(_ items: [SceneItem], indent: String, into lines: inout [String]) {
        for item in items {
            switch item {
            case .fill(let p, let c): lines.append("\(indent)fill \(bounds(p)) \(c.hexString)")
            case .stroke(let p, let s):
                lines.append("\(indent)stroke \(bounds(p)) \(s.color.hexString) w\(f(s.width))\(s.dash.isEmpty ? "" : " dashed")")
            case .text(let t):
                let s: String
                switch t.content { case .plain(let p): s = p; case .markup(let m): s = "markup:" + m }
                var line = "\(indent)text \"\(s)\" @ (\(f(t.origin.x)), \(f(t.origin.y))) \(f(t.font.size))pt \(t.font.weight)"
                if let w = t.width { line += " w=\(f(w))" }
                if t.alignment != .leading { line += " \(t.alignment)" }
                if t.rotation != 0 { line += " rot=\(f(t.rotation))" }
                lines.append(line)
            case .group(let p, let clip, let children):
                lines.append("\(indent)group @ (\(f(p.offset.x)), \(f(p.offset.y))) ×\(f(p.scale))\(clip.map { " clip \(rect($0))" } ?? "")")
                describe(children, indent: indent + "  ", into: &lines)
            case .link(let r, let uri): lines.append("\(indent)link \(rect(r)) \(uri)")
            case .internalLink(let r, let d): lines.append("\(indent)internalLink \(rect(r)) #\(d)")
            case .destination(let name, let p): lines.append("\(indent)destination \(name) @ (\(f(p.x)), \(f(p.y)))")
            case .beginStructure(let e): lines.append("\(indent)begin \(e.role.rawValue)")
            case .endStructure: lines.append("\(indent)end")
            }
        }
    }

    private static func bounds(_ p: Path) -> String {
        var xs: [Double] = [], ys: [Double] = []
        for e in p.elements {
            switch e {
            case .move(let a), .line(let a): xs.append(a.x); ys.append(a.y)
            case .curve(let a, let b, let c): xs += [a.x, b.x, c.x]; ys += [a.y, b.y, c.y]
            case .close: break
            }
        }
        let x0 = xs.min() ?? 0, y0 = ys.min() ?? 0
        return rect(Rect(x: x0, y: y0, width: (xs.max() ?? 0) - x0, height: (ys.max() ?? 0) - y0))
    }
    private static func rect(_ r: Rect) -> String { "[\(f(r.minX)) \(f(r.minY)) \(f(r.width)) \(f(r.height))]" }
    static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
    }
}

/// A `SceneRenderer` that records instead of drawing: every format returns the scene's
/// `SceneDescription` as UTF-8, so tests can compare what would be drawn.
public struct RecordingRenderer: SceneRenderer {
    public init() {}
    public func png(_ scene: Scene, pixelsPerPoint: Double) throws -> [UInt8] { Array(SceneDescription.describe(scene).utf8) }
    public func pdf(_ scene: Scene, metadata: DocumentMetadata) throws -> [UInt8] { Array(SceneDescription.describe(scene).utf8) }
    public func svg(_ scene: Scene) throws -> [UInt8] { Array(SceneDescription.describe(scene).utf8) }
    public func pdf(_ document: PagedDocument) throws -> [UInt8] {
        Array(document.pages.map(SceneDescription.describe).joined(separator: "\n---\n").utf8)
    }
}
