import CCairo
import CPango
import FolioScene
import Foundation

/// Replays scene items onto a cairo context. Plain text is drawn from the engine's shaped glyphs
/// (shaped once per process, no lock); markup with `pango_cairo_show_layout` of the engine's
/// cached layout, under its lock. Links, destinations and structure elements become cairo
/// PDF tags only when `tags` is set; the structure elements opened are logged in `structure`.
struct SceneDrawer {
    let cr: OpaquePointer
    let engine: PangoEngine
    let tags: Bool
    /// The structure elements opened so far, shared by every drawer of one document.
    var structure = StructureLog()
    /// The part of the scene that can show (a PNG band), in scene units; items wholly outside
    /// it are skipped. Nil draws everything.
    var visible: Rect? = nil

    func draw(_ scene: Scene) {
        if let bg = scene.background {
            set(bg)
            cairo_rectangle(cr, 0, 0, scene.size.width, scene.size.height)
            cairo_fill(cr)
        }
        draw(scene.items)
    }

    func draw(_ items: [SceneItem]) {
        for item in items {
            switch item {
            case .fill(let path, let color):
                if let v = visible, !Self.bounds(path, margin: 1).intersects(v) { continue }
                trace(path); set(color); cairo_fill(cr)
            case .stroke(let path, let style):
                if let v = visible, !Self.bounds(path, margin: style.width + 1).intersects(v) { continue }
                trace(path); set(style.color)
                cairo_set_line_width(cr, style.width)
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
                style.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
                cairo_stroke(cr)
                cairo_set_dash(cr, nil, 0, 0)
            case .text(let t):
                if let v = visible, !textBounds(t).intersects(v) { continue }
                text(t)
            case .group(let placement, let clip, let children):
                var inner = self
                if let v = visible {
                    let shown = clip.map { c in v.intersects(c) ? v : nil } ?? v
                    guard let shown, placement.scale > 0 else { continue }
                    // The visible area in the group's own units.
                    inner.visible = Rect(x: (shown.minX - placement.offset.x) / placement.scale,
                                         y: (shown.minY - placement.offset.y) / placement.scale,
                                         width: shown.width / placement.scale, height: shown.height / placement.scale)
                }
                cairo_save(cr)
                if let c = clip { cairo_rectangle(cr, c.minX, c.minY, c.width, c.height); cairo_clip(cr) }
                cairo_translate(cr, placement.offset.x, placement.offset.y)
                cairo_scale(cr, placement.scale, placement.scale)
                inner.draw(children)
                cairo_restore(cr)
            case .link(let r, let uri):
                guard tags else { continue }
                tag("Link", "rect=[\(n(r.minX)) \(n(r.minY)) \(n(r.width)) \(n(r.height))] uri='\(escape(uri))'")
            case .internalLink(let r, let dest):
                guard tags else { continue }
                tag("Link", "rect=[\(n(r.minX)) \(n(r.minY)) \(n(r.width)) \(n(r.height))] dest='\(escape(dest))'")
            case .destination(let name, let p):
                guard tags else { continue }
                tag("cairo.dest", "name='\(escape(name))' x=\(n(p.x)) y=\(n(p.y))")
            case .beginStructure(let element):
                guard tags else { continue }
                structure.opened.append(element)
                structure.open.append(element.role.rawValue)
                cairo_tag_begin(cr, element.role.rawValue, "")
            case .endStructure:
                guard tags, let name = structure.open.popLast() else { continue }
                cairo_tag_end(cr, name)
            }
        }
    }

    private func text(_ t: TextItem) {
        cairo_save(cr)
        cairo_translate(cr, t.origin.x, t.origin.y)
        if t.rotation != 0 { cairo_rotate(cr, -t.rotation * .pi / 180) }
        set(t.color)
        if case .plain = t.content {
            let shaped = engine.shaped(t)
            alignLine(t, width: shaped.metrics.width)
            shaped.draw(on: cr)
        } else {
            engine.withLayout(t) { layout in
                if t.width == nil { alignLine(t, width: PangoLayoutBuilder.metrics(of: layout).width) }
                cairo_move_to(cr, 0, 0)
                pango_cairo_show_layout(cr, layout)
            }
        }
        cairo_restore(cr)
    }

    /// Moves a single-line text so `origin.x` names its middle or right end.
    private func alignLine(_ t: TextItem, width: Double) {
        cairo_translate(cr, TextGeometry.lineOffset(of: t, width: width), 0)
    }

    /// A box around every point of `path` (control points included), grown by `margin`.
    static func bounds(_ path: Path, margin: Double) -> Rect {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        func add(_ p: Point) { minX = min(minX, p.x); minY = min(minY, p.y); maxX = max(maxX, p.x); maxY = max(maxY, p.y) }
        for e in path.elements {
            switch e {
            case .move(let p), .line(let p): add(p)
            case .curve(let a, let b, let c): add(a); add(b); add(c)
            case .close: break
            }
        }
        guard minX <= maxX else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        return Rect(x: minX - margin, y: minY - margin, width: maxX - minX + 2 * margin, height: maxY - minY + 2 * margin)
    }

    /// A box sure to hold `t` as drawn: its logical box (`TextGeometry`), grown by a line's
    /// height on every side for glyphs that overhang it.
    private func textBounds(_ t: TextItem) -> Rect {
        let m = engine.measure(t)
        let box = TextGeometry.box(of: t, metrics: m)
        return Rect(x: box.minX - m.height, y: box.minY - m.height,
                    width: box.width + 2 * m.height, height: box.height + 2 * m.height)
    }

    /// The structure elements of one PDF: those still open (innermost last), and every one
    /// opened, in order; the order is that of the structure tree cairo writes (depth first).
    final class StructureLog {
        var open: [String] = []
        var opened: [StructureElement] = []
    }

    private func tag(_ name: String, _ attributes: String) {
        cairo_tag_begin(cr, name, attributes)
        cairo_tag_end(cr, name)
    }

    private func trace(_ path: Path) {
        cairo_new_path(cr)
        for e in path.elements {
            switch e {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
    }

    private func set(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }
    private func n(_ v: Double) -> String { String(format: "%.3f", v) }
    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }
}
