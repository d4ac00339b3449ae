import CCairo
import CPango
import FolioScene
import Foundation

/// The process's Pango font map and context, shared by measuring and drawing so both lay text
/// out identically: resolution 72 (1 unit = 1 pt), hinting off, hint metrics off, glyph
/// positions not rounded — PNG, PDF and SVG get the same layout.
///
/// Every text is laid out once per process and kept:
/// - plain text (all chart text) as a `ShapedText` of positioned glyphs, which any thread draws
///   with cairo alone, without Pango or a lock;
/// - markup (page paragraphs) as its `PangoLayout`, reused for measuring, link areas and
///   drawing under the context lock.
///
/// Pango is not thread-safe per font map, so one lock guards the context; it is held only while
/// a text is laid out or a markup layout drawn, never for a whole page or chart. One font map
/// (not one per thread) means each face's OpenType tables are loaded and checked once.
final class PangoEngine: @unchecked Sendable {
    private let lock = NSLock()
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private let cacheLock = NSLock()
    private var shapedCache: [TextItem: ShapedText] = [:]
    /// Markup layouts by key; touched only with `lock` held.
    private var layoutCache: [TextItem: OpaquePointer] = [:]
    private var stopRequested = false
    /// Beyond this many cached texts of a kind, the cache starts afresh (a long `watch` session).
    private static let cacheLimit = 20_000

    static let shared: Result<PangoEngine, FontLibraryError> = {
        do { try FontLibrary.pin() } catch let e as FontLibraryError { return .failure(e) } catch {
            return .failure(FontLibraryError(message: "\(error)"))
        }
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            return .failure(FontLibraryError(message: "Pango could not create a cairo font map"))
        }
        // The map's own resolution too, not only the context's: Pango measures each new font's
        // metrics (line height) in a context of its own at the map's resolution, and at Pango's
        // default 96 that context asks fontconfig for a second pattern of every font (two more
        // threads and a second font each in Pango 1.50). At 72 it reuses ours.
        pango_cairo_font_map_set_resolution(OpaquePointer(map), 72)
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
        return .success(PangoEngine(fontMap: fontMap, context: ctx))
    }()

    private init(fontMap: UnsafeMutablePointer<PangoFontMap>, context: OpaquePointer) {
        self.fontMap = fontMap; self.context = context
    }

    /// The cache key of an item: everything but where it is drawn and in what colour.
    private static func key(_ item: TextItem) -> TextItem {
        var key = item
        key.origin = .zero; key.color = .black
        return key
    }

    /// `item` shaped into positioned glyphs, laid out on first use and cached. For markup the
    /// glyphs lose the markup's colours and decorations: draw markup with `withLayout`. A plain
    /// text in a box it fits unbroken reuses the text's unboxed shaping (`ShapedText.placed`).
    func shaped(_ item: TextItem) -> ShapedText {
        let key = Self.key(item)
        cacheLock.lock()
        let cached = shapedCache[key]
        cacheLock.unlock()
        if let cached { return cached }
        let shaped: ShapedText
        var unboxed = key
        unboxed.width = nil; unboxed.alignment = .leading
        if case .plain = key.content, let width = key.width,
           let placed = self.shaped(unboxed).placed(inWidth: width, alignment: key.alignment) {
            shaped = placed
        } else {
            shaped = laidOut(key)
        }
        cacheLock.lock()
        if shapedCache.count > Self.cacheLimit { shapedCache.removeAll() }
        // Keep the first one stored, so every drawing of this text uses the same glyphs.
        let stored = shapedCache[key] ?? shaped
        shapedCache[key] = stored
        cacheLock.unlock()
        return stored
    }

    /// `item` laid out and shaped by Pango itself, uncached; with `features`, shaped with those
    /// OpenType features instead of the builder's (tests compare the two).
    func laidOut(_ item: TextItem, features: String? = nil) -> ShapedText {
        lock.lock()
        defer { lock.unlock() }
        let layout = PangoLayoutBuilder.layout(for: item, context: context, features: features)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        return ShapedText.make(from: layout)
    }

    /// Runs `body` with the cached layout of a markup item, holding the context lock.
    func withLayout<T>(_ item: TextItem, _ body: (OpaquePointer) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(cachedLayout(item))
    }

    /// The layout of `item` (call with `lock` held).
    private func cachedLayout(_ item: TextItem) -> OpaquePointer {
        let key = Self.key(item)
        if let layout = layoutCache[key] { return layout }
        if layoutCache.count > Self.cacheLimit {
            for layout in layoutCache.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
            layoutCache.removeAll()
        }
        let layout = PangoLayoutBuilder.layout(for: key, context: context)
        layoutCache[key] = layout
        return layout
    }

    /// Loads every face `faces` names (its OpenType tables, glyph metrics) so later layouts
    /// do not pay for it; worth calling on an idle core. Stops early once `stopWarmUp` is
    /// called: from then on real layouts need the lock.
    func warmUp(_ faces: [FontSpec], stoppable: Bool = true) {
        for font in faces {
            if stoppable && warmUpStopped { return }
            _ = measure(TextItem(.markup("Folio 0123456789 %,.–"), font: font, origin: .zero))
        }
    }

    /// Whether `stopWarmUp` was called.
    var warmUpStopped: Bool {
        cacheLock.lock(); defer { cacheLock.unlock() }
        return stopRequested
    }

    /// Ends a `warmUp` running on another thread after the font it is loading.
    func stopWarmUp() {
        cacheLock.lock()
        stopRequested = true
        cacheLock.unlock()
    }

    /// Rectangles covering the layout's bytes `start..<end` of its plain text, one per line
    /// crossed, relative to the layout's top-left.
    func spanRects(_ item: TextItem, start: Int, end: Int) -> [Rect] {
        guard start < end else { return [] }
        return withLayout(item) { layout in
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

    /// Measures `item`: plain text from its shaped glyphs, markup from its cached layout.
    func measure(_ item: TextItem) -> TextMetrics {
        if case .plain = item.content { return shaped(item).metrics }
        return withLayout(item) { PangoLayoutBuilder.metrics(of: $0) }
    }
}
