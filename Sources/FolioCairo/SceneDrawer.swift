import CCairo
import CPango
import FolioScene
import Foundation

/// Replays scene items onto a cairo context. Plain text is drawn from the engine's shaped glyphs
/// (shaped once per process, no lock); markup with `pango_cairo_show_layout` of the engine's
/// cached layout, under its lock. Links and destinations become cairo
/// PDF tags only when `tags` is set.
struct SceneDrawer {
    let cr: OpaquePointer
    let engine: PangoEngine
    let tags: Bool

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
                trace(path); set(color); cairo_fill(cr)
            case .stroke(let path, let style):
                trace(path); set(style.color)
                cairo_set_line_width(cr, style.width)
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
                style.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
                cairo_stroke(cr)
                cairo_set_dash(cr, nil, 0, 0)
            case .text(let t):
                text(t)
            case .group(let placement, let clip, let children):
                cairo_save(cr)
                if let c = clip { cairo_rectangle(cr, c.minX, c.minY, c.width, c.height); cairo_clip(cr) }
                cairo_translate(cr, placement.offset.x, placement.offset.y)
                cairo_scale(cr, placement.scale, placement.scale)
                draw(children)
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
                if t.width == nil && t.alignment != .leading { alignLine(t, width: PangoLayoutBuilder.metrics(of: layout).width) }
                cairo_move_to(cr, 0, 0)
                pango_cairo_show_layout(cr, layout)
            }
        }
        cairo_restore(cr)
    }

    /// Moves a single-line text so `origin.x` names its middle or right end.
    private func alignLine(_ t: TextItem, width: Double) {
        guard t.width == nil, t.alignment != .leading else { return }
        cairo_translate(cr, t.alignment == .center ? -width / 2 : -width, 0)
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
