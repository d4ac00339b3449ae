import FolioScene

/// The furniture shared by column charts (plain and stacked): a legend row and the axis title
/// above the plot, and horizontal grid lines with tick labels on the left, thinned so labels
/// never touch.
struct ColumnChrome {
    let text: TextKit
    let axis: TrainedAxis
    var theme: ChartTheme { text.theme }
    var labelFont: FontSpec { theme.font(theme.labelSize) }
    var tickFont: FontSpec { theme.font(theme.labelSize, tabular: true) }

    /// Draws the legend (when there are several entries) and the axis title from `rect`'s top;
    /// returns their texts, their swatches and the y where the plot may start.
    func head(_ entries: [LegendEntry], in rect: Rect) -> (texts: [TextItem], back: [SceneItem], top: Double) {
        var texts: [TextItem] = [], back: [SceneItem] = []
        var top = rect.minY
        if entries.count > 1 {
            let legend = LegendLayout(text: text, entries: entries).layout(at: Point(rect.minX, top), width: rect.width)
            for item in legend.items { if case .text(let t) = item { texts.append(t) } else { back.append(item) } }
            top += legend.height + 6
        }
        if !axis.title.isEmpty {
            let t = text.item(axis.title, font: labelFont, color: theme.mutedTextColor, at: Point(rect.minX, top), width: rect.width)
            texts.append(t)
            top += text.metrics(t).height + 4
        }
        return (texts, back, top)
    }

    /// Grid lines across `left...right` and tick labels right-aligned before `left`.
    func ticks(scale: any ContinuousScale, left: Double, right: Double) -> (texts: [TextItem], back: [SceneItem]) {
        var texts: [TextItem] = [], back: [SceneItem] = []
        let tickH = text.size("0", tickFont).height
        var lastTickTop = Double.infinity
        for (t, l) in zip(axis.ticks, axis.labels) {
            let y = scale.map(t)
            back.append(.stroke(.line(Point(left, y), Point(right, y)), StrokeStyle(color: theme.gridColor, width: 0.6)))
            if y + tickH / 2 <= lastTickTop - 2 {
                texts.append(text.item(l, font: tickFont, color: theme.mutedTextColor, at: Point(left - 5, y - tickH / 2), align: .trailing))
                lastTickTop = y - tickH / 2
            }
        }
        return (texts, back)
    }
}
