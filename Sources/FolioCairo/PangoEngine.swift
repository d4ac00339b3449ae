import CCairo
import CPango
import FolioScene
import Foundation

/// The process's Pango font maps and contexts, shared by measuring and drawing so both lay
/// text out identically: resolution 72 (1 unit = 1 pt), hinting off, hint metrics off, glyph
/// positions not rounded — PNG, PDF and SVG get the same layout.
///
/// Pango is not thread-safe per font map, so the engine holds two identically configured font
/// maps, each with its own context and lock (`Slot`): the PNG lane and the vector lane of a
/// briefing each take one and draw at the same time. Both load the same pinned fonts with the
/// same settings, so which slot lays a text out never changes a byte.
final class PangoEngine: @unchecked Sendable {
    /// One font map and its context, used by one thread at a time.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        let fontMap: UnsafeMutablePointer<PangoFontMap>
        let context: OpaquePointer
        init(fontMap: UnsafeMutablePointer<PangoFontMap>, context: OpaquePointer) {
            self.fontMap = fontMap; self.context = context
        }
    }
    /// How many threads can lay text out at once (the render lanes of `ParallelRender`).
    static let slotCount = 2
    private let slots: [Slot]
    private let cacheLock = NSLock()
    private var cache: [TextItem: TextMetrics] = [:]

    static let shared: Result<PangoEngine, FontLibraryError> = {
        do { try FontLibrary.pin() } catch let e as FontLibraryError { return .failure(e) } catch {
            return .failure(FontLibraryError(message: "\(error)"))
        }
        var slots: [Slot] = []
        for _ in 0..<slotCount {
            switch makeSlot() {
            case .success(let slot): slots.append(slot)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(PangoEngine(slots: slots))
    }()

    private static func makeSlot() -> Result<Slot, FontLibraryError> {
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            return .failure(FontLibraryError(message: "Pango could not create a cairo font map"))
        }
        let fontMap = UnsafeMutableRawPointer(map).assumingMemoryBound(to: PangoFontMap.self)
        guard let ctx = pango_font_map_create_context(fontMap) else {
            return .failure(FontLibraryError(message: "Pango could not create a context"))
        }
        pango_cairo_context_set_resolution(ctx, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(ctx, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(ctx, 0)
        return .success(Slot(fontMap: fontMap, context: ctx))
    }

    private init(slots: [Slot]) { self.slots = slots }

    /// Runs `body` with a context no other thread is using, holding that context's lock: a free
    /// slot if there is one, else it waits for the first.
    func withContext<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        let slot = slots.first { $0.lock.try() } ?? { slots[0].lock.lock(); return slots[0] }()
        defer { slot.lock.unlock() }
        return try body(slot.context)
    }

    /// Runs `body` once with each slot's context, holding that slot's lock (for warming up).
    func forEachContext(_ body: (OpaquePointer) -> Void) {
        for slot in slots {
            slot.lock.lock()
            body(slot.context)
            slot.lock.unlock()
        }
    }

    /// Rectangles covering the layout's bytes `start..<end` of its plain text, one per line
    /// crossed, relative to the layout's top-left. Takes a context's lock.
    func spanRects(_ item: TextItem, start: Int, end: Int) -> [Rect] {
        guard start < end else { return [] }
        return withContext { ctx in
            let layout = PangoLayoutBuilder.layout(for: item, context: ctx)
            defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
            guard let iter = pango_layout_get_iter(layout) else { return [] }
            defer { pango_layout_iter_free(iter) }
            let scale = PangoLayoutBuilder.scale
            var rects: [Rect] = []
            repeat {
                guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
                let lineStart = Int(line.pointee.start_index), lineEnd = lineStart + Int(line.pointee.length)
                let s = max(start, lineStart), e = min(end, lineEnd)
                guard s < e else { continue }
                var extents = PangoRectangle()
                pango_layout_iter_get_line_extents(iter, nil, &extents)
                var ranges: UnsafeMutablePointer<Int32>? = nil
                var count: Int32 = 0
                pango_layout_line_get_x_ranges(line, Int32(s), Int32(e), &ranges, &count)
                if let ranges {
                    for k in 0..<Int(count) {
                        let x0 = Double(ranges[2 * k]) / scale, x1 = Double(ranges[2 * k + 1]) / scale
                        rects.append(Rect(x: x0, y: Double(extents.y) / scale, width: x1 - x0, height: Double(extents.height) / scale))
                    }
                    g_free(ranges)
                }
            } while pango_layout_iter_next_line(iter) != 0
            return rects
        }
    }

    /// Measures `item` (cached by everything but position and colour). Takes a context's lock
    /// on a cache miss.
    func measure(_ item: TextItem) -> TextMetrics {
        var key = item
        key.origin = .zero; key.color = .black
        cacheLock.lock()
        let cached = cache[key]
        cacheLock.unlock()
        if let cached { return cached }
        let m = withContext { ctx in
            let layout = PangoLayoutBuilder.layout(for: item, context: ctx)
            defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
            return PangoLayoutBuilder.metrics(of: layout)
        }
        cacheLock.lock()
        if cache.count > 50_000 { cache.removeAll() }
        cache[key] = m
        cacheLock.unlock()
        return m
    }
}
