import FolioScene

/// Makes text items in the theme's fonts and measures them through the injected measurer, so
/// every text is measured before it is placed.
struct TextKit: Sendable {
    let measurer: any TextMeasurer
    let theme: ChartTheme

    func item(_ s: String, font: FontSpec, color: Color? = nil, at origin: Point, width: Double? = nil,
              align: TextAlignment = .leading) -> TextItem {
        TextItem(.plain(s), font: font, color: color ?? theme.textColor, origin: origin, width: width,
                 alignment: align)
    }
    func metrics(_ item: TextItem) -> TextMetrics { measurer.measure(item) }
    func box(_ item: TextItem) -> Rect { TextGeometry.box(of: item, metrics: measurer.measure(item)) }
    /// One-line width and height of `s` in `font`.
    func size(_ s: String, _ font: FontSpec) -> Size {
        let m = measurer.measure(item(s, font: font, at: .zero))
        return Size(m.width, m.height)
    }
}
