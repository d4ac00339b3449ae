import CCairo
import CPango
import FolioScene
import Foundation

/// The process's Pango font maps and contexts, shared by measuring and drawing so both lay text
/// out identically: resolution 72 (1 unit = 1 pt), hinting off, hint metrics off, glyph
/// positions not rounded — PNG, PDF and SVG get the same layout.
///
/// Every text is laid out once per process and kept:
/// - plain text (all chart text) as a `ShapedText` of positioned glyphs, which any thread draws
///   with cairo alone, without Pango or a lock;
/// - markup (page paragraphs) as its `PangoLayout`, reused for measuring, link areas and
///   drawing under its slot's lock.
///
/// Pango is not thread-safe per font map, so each of two identically configured font maps has
/// its own context and lock (`Slot`), held only while one text is laid out or drawn. Plain text
/// goes to the chart slot (or the page slot when that one is free) and markup to the page slot,
/// so one thread shapes chart labels while another lays out paragraphs. Both maps load the same
/// pinned fonts with the same settings, so which one shaped a text never changes a byte; the
/// price is each face's tables loaded twice (about 2 ms and 3 MiB).
final class PangoEngine: @unchecked Sendable {
    /// One font map and context, used by one thread at a time, and the markup layouts it made.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        let fontMap: UnsafeMutablePointer<PangoFontMap>
        let context: OpaquePointer
        /// Markup layouts by key; touched only with `lock` held.
        var layoutCache: [TextItem: OpaquePointer] = [:]
        init(fontMap: UnsafeMutablePointer<PangoFontMap>, context: OpaquePointer) {
            self.fontMap = fontMap; self.context = context
        }
    }
    private let chartSlot: Slot
    private let pageSlot: Slot
    private let cacheLock = NSLock()
    private var shapedCache: [TextItem: ShapedText] = [:]
    private var stopRequested = false
    /// Beyond this many cached texts of a kind, the cache starts afresh (a long `watch` session).
    private static let cacheLimit = 20_000

    static let shared: Result<PangoEngine, FontLibraryError> = {
        do { try FontLibrary.pin() } catch let e as FontLibraryError { return .failure(e) } catch {
            return .failure(FontLibraryError(message: "\(error)"))
        }
        do {
            return .success(PangoEngine(chartSlot: try makeSlot(), pageSlot: try makeSlot()))
        } catch let e as FontLibraryError {
            return .failure(e)
        } catch {
            return .failure(FontLibraryError(message: "\(error)"))
        }
    }()

    private static func makeSlot() throws -> Slot {
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            throw FontLibraryError(message: "Pango could not create a cairo font map")
        }
        let fontMap = UnsafeMutableRawPointer(map).assumingMemoryBound(to: PangoFontMap.self)
        guard let ctx = pango_font_map_create_context(fontMap) else {
            throw FontLibraryError(message: "Pango could not create a context")
        }
        pango_cairo_context_set_resolution(ctx, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(ctx, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(ctx, 0)
        return Slot(fontMap: fontMap, context: ctx)
    }

    private init(chartSlot: Slot, pageSlot: Slot) {
        self.chartSlot = chartSlot; self.pageSlot = pageSlot
    }

    /// The cache key of an item: everything but where it is drawn and in what colour.
    private static func key(_ item: TextItem) -> TextItem {
        var key = item
        key.origin = .zero; key.color = .black
        return key
    }

    /// `item` shaped into positioned glyphs, laid out on first use and cached. For markup the
    /// glyphs lose the markup's colours and decorations: draw markup with `withLayout`.
    func shaped(_ item: TextItem) -> ShapedText {
        let key = Self.key(item)
        cacheLock.lock()
        let cached = shapedCache[key]
        cacheLock.unlock()
        if let cached { return cached }
        // The chart slot, or the page slot if it is free, else wait for the chart slot.
        let slot = [chartSlot, pageSlot].first { $0.lock.try() } ?? { chartSlot.lock.lock(); return chartSlot }()
        let layout = PangoLayoutBuilder.layout(for: key, context: slot.context)
        let shaped = ShapedText.make(from: layout)
        g_object_unref(UnsafeMutableRawPointer(layout))
        slot.lock.unlock()
        cacheLock.lock()
        if shapedCache.count > Self.cacheLimit { shapedCache.removeAll() }
        // Keep the first one stored, so every drawing of this text uses the same glyphs.
        let stored = shapedCache[key] ?? shaped
        shapedCache[key] = stored
        cacheLock.unlock()
        return stored
    }

    /// Runs `body` with the cached layout of a markup item, holding the page slot's lock.
    func withLayout<T>(_ item: TextItem, _ body: (OpaquePointer) throws -> T) rethrows -> T {
        pageSlot.lock.lock()
        defer { pageSlot.lock.unlock() }
        return try body(cachedLayout(item, in: pageSlot))
    }

    /// The layout of `item` in `slot` (call with its lock held).
    private func cachedLayout(_ item: TextItem, in slot: Slot) -> OpaquePointer {
        let key = Self.key(item)
        if let layout = slot.layoutCache[key] { return layout }
        if slot.layoutCache.count > Self.cacheLimit {
            for layout in slot.layoutCache.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
            slot.layoutCache.removeAll()
        }
        let layout = PangoLayoutBuilder.layout(for: key, context: slot.context)
        slot.layoutCache[key] = layout
        return layout
    }

    /// Loads every face `faces` names (its OpenType tables, glyph metrics) into the chart slot
    /// (`plain`) or the page slot, so later layouts do not pay for it; worth calling on an idle
    /// core. Stops early once `stopWarmUp` is called: from then on real layouts need the locks.
    func warmUp(_ faces: [FontSpec], plain: Bool) {
        let slot = plain ? chartSlot : pageSlot
        for font in faces {
            if warmUpStopped { return }
            slot.lock.lock()
            let layout = PangoLayoutBuilder.layout(for: TextItem(.plain("Folio 0123456789 %,.–"), font: font, origin: .zero),
                                                   context: slot.context)
            _ = PangoLayoutBuilder.metrics(of: layout)
            g_object_unref(UnsafeMutableRawPointer(layout))
            slot.lock.unlock()
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
