import FolioScene

/// Measures text with Pango exactly as `CairoSceneRenderer` draws it (same font map, context and
/// settings; see `PangoEngine`). Thread-safe; results are cached per text and font.
public struct PangoTextMeasurer: TextMeasurer {
    private let engine: PangoEngine
    /// Fails when the pinned fonts are missing (install fonts-inter).
    public init() throws { engine = try PangoEngine.shared.get() }
    public func measure(_ text: TextItem) -> TextMetrics { engine.measure(text) }
    public func spanRects(_ text: TextItem, fromMarkupPrefix from: String, toMarkupPrefix to: String) -> [Rect] {
        engine.spanRects(text, start: MarkupOffsets.plainByteCount(from), end: MarkupOffsets.plainByteCount(to))
    }
}
