import CCairo
import CPango
import FolioScene
import Foundation

/// The process's one Pango font map and context, shared by measuring and drawing so both lay
/// text out identically: resolution 72 (1 unit = 1 pt), hinting off, hint metrics off, glyph
/// positions not rounded — PNG, PDF and SVG get the same layout.
///
/// Pango is not thread-safe per context, so every use goes through `withContext`, which holds a lock.
final class PangoEngine: @unchecked Sendable {
    private let lock = NSLock()
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    private var cache: [TextItem: TextMetrics] = [:]

    static let shared: Result<PangoEngine, FontLibraryError> = {
        do { try FontLibrary.pin() } catch let e as FontLibraryError { return .failure(e) } catch {
            return .failure(FontLibraryError(message: "\(error)"))
        }
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
        return .success(PangoEngine(fontMap: fontMap, context: ctx))
    }()

    private init(fontMap: UnsafeMutablePointer<PangoFontMap>, context: OpaquePointer) {
        self.fontMap = fontMap; self.context = context
    }

    /// Runs `body` with the shared context, holding the lock.
    func withContext<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        return try body(context)
    }

    /// Measures `item` (cached by everything but position and colour). Takes the lock.
    func measure(_ item: TextItem) -> TextMetrics {
        var key = item
        key.origin = .zero; key.color = .black
        return withContext { ctx in
            if let m = cache[key] { return m }
            let layout = PangoLayoutBuilder.layout(for: item, context: ctx)
            defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
            let m = PangoLayoutBuilder.metrics(of: layout)
            if cache.count > 50_000 { cache.removeAll() }
            cache[key] = m
            return m
        }
    }
}
