import FolioScene

/// Vertical stacked bars (columns): one column per category, one segment per series stacked from
/// zero, each segment labelled with its value or share when the label fits inside it; a legend
/// row above, category labels wrapped under each column, the value axis on the left. `fits` says
/// whether the category labels can be read this way; otherwise the engine draws the bars
/// horizontally (`StackedBarsLayout`).
struct VerticalStackedBarsLayout: BodyLayout {
    let text: TextKit
    let mark: StackedBarMark
    let axis: TrainedAxis
    var theme: ChartTheme { text.theme }
    private var labelFont: FontSpec { theme.font(theme.labelSize) }
    private var tickFont: FontSpec { theme.font(theme.labelSize, tabular: true) }
    private var colors: [Color] { theme.seriesColors(emphasized: mark.segments.map(\.emphasized)) }

    private func band(_ rect: Rect) -> (band: BandScale, plotLeft: Double) {
        let tickW = axis.labels.map { text.size($0, tickFont).width }.max() ?? 0
        let plotLeft = rect.minX + tickW + 5
        return (BandScale(count: mark.categories.count, range: plotLeft...max(plotLeft + 1, rect.maxX),
                          paddingInner: 0.35, paddingOuter: 0.2), plotLeft)
    }

    /// True when every category label wraps into at most two lines without breaking a word.
    func fits(in rect: Rect) -> Bool {
        let width = band(rect).band.step * 0.96
        for c in mark.categories {
            if c.split(separator: " ").contains(where: { text.size(String($0), labelFont).width > width }) { return false }
            if text.metrics(text.item(c, font: labelFont, at: .zero, width: width)).lineCount > 2 { return false }
        }
        return true
    }

    func requiredHeight(in rect: Rect) throws -> Double { 160 }

    private func valueLabel(_ s: Int, _ c: Int, _ v: Double) -> String {
        if let l = mark.segments[s].labels?[c] { return l }
        return mark.normalized ? NumberStyle.percent(places: 0).format(v) : axis.style.format(v)
    }

    func draw(in rect: Rect) throws -> [SceneItem] {
        let (band, plotLeft) = band(rect)
        let chrome = ColumnChrome(text: text, axis: axis)
        let entries = zip(mark.segments, colors).map { LegendEntry(name: $0.name, color: $1, shape: .square) }
        var (texts, back, top) = chrome.head(entries, in: rect)
        var marks: [SceneItem] = []
        let tickH = text.size("0", tickFont).height
        top += tickH / 2
        let categories = mark.categories.enumerated().map { i, c in
            text.item(c, font: labelFont, at: Point(band.center(i) - band.step * 0.48, 0), width: band.step * 0.96, align: .center)
        }
        let bottom = rect.maxY - (categories.map { text.metrics($0).height }.max() ?? 0) - 4
        let scale = axis.scale.withRange((bottom, top))
        let grid = chrome.ticks(scale: scale, left: plotLeft, right: rect.maxX)
        texts += grid.texts
        back += grid.back
        for c in mark.categories.indices {
            let x = band.start(c), w = band.bandwidth
            var acc = 0.0
            for (s, segment) in mark.segments.enumerated() {
                guard let v = segment.values[c], v > 0 else { continue }
                let y0 = scale.map(acc), y1 = scale.map(acc + v)
                acc += v
                marks.append(.fill(.rect(Rect(x: x, y: y1, width: w, height: y0 - y1)), colors[s]))
                // A hairline of background between segments keeps them apart in greyscale.
                marks.append(.stroke(.line(Point(x, y1), Point(x + w, y1)), StrokeStyle(color: theme.background, width: 0.8)))
                let label = valueLabel(s, c, v)
                let size = text.size(label, tickFont)
                if size.width + 4 <= w && size.height + 2 <= y0 - y1 {
                    texts.append(text.item(label, font: tickFont, color: labelColor(on: colors[s], theme: theme),
                                           at: Point(x + w / 2, (y0 + y1) / 2 - size.height / 2), align: .center))
                }
            }
        }
        let baseline = scale.map(0)
        let fore: [SceneItem] = [.stroke(.line(Point(plotLeft, baseline), Point(rect.maxX, baseline)),
                                         StrokeStyle(color: theme.axisColor, width: 0.8))]
        for var item in categories {
            item.origin.y = bottom + 4
            item.color = theme.textColor
            texts.append(item)
        }
        return back + marks + fore + texts.map { .text($0) }
    }
}
