import FolioScene

/// Vertical bars (columns): category labels wrapped under each band, value axis on the left with
/// its title above it, reference lines labelled in a column on the right. `fits` says whether the
/// category labels can be read this way; otherwise the engine turns the chart horizontal.
struct VerticalBarsLayout: BodyLayout {
    let text: TextKit
    let mark: BarMark
    let axis: TrainedAxis
    var theme: ChartTheme { text.theme }
    private var labelFont: FontSpec { theme.font(theme.labelSize) }
    private var tickFont: FontSpec { theme.font(theme.labelSize, tabular: true) }
    private var colors: [Color] { theme.seriesColors(emphasized: mark.series.map(\.emphasized)) }

    private struct Geometry {
        var plotLeft: Double, plotRight: Double, refWidth: Double
        var band: BandScale
    }

    private func geometry(_ rect: Rect) -> Geometry {
        let tickW = axis.labels.map { text.size($0, tickFont).width }.max() ?? 0
        let refNatural = mark.referenceLines.map { text.size($0.label, labelFont).width }.max() ?? 0
        let refWidth = mark.referenceLines.isEmpty ? 0 : min(refNatural + 1, rect.width * 0.22)
        let plotLeft = rect.minX + tickW + 5
        let plotRight = rect.maxX - (refWidth > 0 ? refWidth + 5 : 0)
        let band = BandScale(count: mark.categories.count, range: plotLeft...max(plotLeft + 1, plotRight),
                             paddingInner: 0.25, paddingOuter: 0.15)
        return Geometry(plotLeft: plotLeft, plotRight: plotRight, refWidth: refWidth, band: band)
    }

    private func categoryItems(_ g: Geometry, y: Double) -> [TextItem] {
        mark.categories.enumerated().map { i, c in
            text.item(c, font: labelFont, at: Point(g.band.center(i) - g.band.step * 0.48, y), width: g.band.step * 0.96, align: .center)
        }
    }

    /// True when every category label wraps into at most two lines without breaking a word, and
    /// value labels are no wider than their bars.
    func fits(in rect: Rect) -> Bool {
        let g = geometry(rect)
        let width = g.band.step * 0.96
        for c in mark.categories {
            if c.split(separator: " ").contains(where: { text.size(String($0), labelFont).width > width }) { return false }
            if text.metrics(text.item(c, font: labelFont, at: .zero, width: width)).lineCount > 2 { return false }
        }
        let barWidth = g.band.bandwidth / Double(max(1, mark.series.count))
        for s in mark.series {
            for (i, v) in s.values.enumerated() {
                guard let v else { continue }
                let label = s.labels?[i] ?? axis.style.format(v)
                if text.size(label, tickFont).width > max(barWidth, g.band.step / Double(max(1, mark.series.count)) * 0.92) { return false }
            }
        }
        return true
    }

    func requiredHeight(in rect: Rect) throws -> Double { 140 }

    func draw(in rect: Rect) throws -> [SceneItem] {
        let g = geometry(rect)
        let chrome = ColumnChrome(text: text, axis: axis)
        let entries = zip(mark.series, colors).map { LegendEntry(name: $0.name, color: $1, shape: .square) }
        var (texts, back, top) = chrome.head(entries, in: rect)
        var marks: [SceneItem] = [], fore: [SceneItem] = []
        let valueH = text.size("0", tickFont).height
        top += valueH + 2 // head-room for value labels above the tallest bar
        let catHeights = categoryItems(g, y: 0).map { text.metrics($0).height }
        let bottom = rect.maxY - (catHeights.max() ?? 0) - 4
        let scale = axis.scale.withRange((bottom, top))
        let grid = chrome.ticks(scale: scale, left: g.plotLeft, right: g.plotRight)
        texts += grid.texts
        back += grid.back
        // Bars and value labels.
        let y0 = scale.map(0)
        let n = mark.series.count
        for c in mark.categories.indices {
            let sub = BandScale(count: n, range: g.band.start(c)...(g.band.start(c) + g.band.bandwidth), paddingInner: n > 1 ? 0.08 : 0, paddingOuter: 0)
            for (s, series) in mark.series.enumerated() {
                guard let v = series.values[c] else { continue }
                let x = sub.start(s), w = sub.bandwidth, y1 = scale.map(v)
                marks.append(.fill(.rect(Rect(x: x, y: min(y0, y1), width: w, height: abs(y1 - y0))), colors[s]))
                let label = series.labels?[c] ?? axis.style.format(v)
                let size = text.size(label, tickFont)
                let inside = abs(y1 - y0) >= size.height + 6 && size.width + 2 <= w
                let ly = inside ? (v >= 0 ? y1 + 3 : y1 - 3 - size.height) : (v >= 0 ? y1 - 2 - size.height : y1 + 2)
                texts.append(text.item(label, font: tickFont, color: inside ? labelColor(on: colors[s], theme: theme) : theme.textColor,
                                       at: Point(x + w / 2, ly), align: .center))
            }
        }
        if axis.scale.domain.contains(0) {
            fore.append(.stroke(.line(Point(g.plotLeft, y0), Point(g.plotRight, y0)), StrokeStyle(color: theme.axisColor, width: 0.8)))
        }
        for var item in categoryItems(g, y: bottom + 4) { item.color = theme.textColor; texts.append(item) }
        // Reference lines, labels in the right column pushed apart vertically.
        var refs: [(y: Double, item: TextItem, h: Double)] = mark.referenceLines.map { r in
            let item = text.item(r.label, font: labelFont, color: theme.referenceColor, at: Point(g.plotRight + 5, 0), width: g.refWidth)
            return (scale.map(r.value), item, text.metrics(item).height)
        }.sorted { $0.y < $1.y }
        var cursor = rect.minY
        for i in refs.indices {
            let y = max(refs[i].y - refs[i].h / 2, cursor)
            refs[i].item.origin.y = y; cursor = y + refs[i].h + 2
        }
        var floor = rect.maxY
        for i in refs.indices.reversed() where refs[i].item.origin.y + refs[i].h > floor {
            refs[i].item.origin.y = floor - refs[i].h; floor = refs[i].item.origin.y - 2
        }
        for r in refs {
            fore.append(.stroke(.line(Point(g.plotLeft, r.y), Point(g.plotRight + 3, r.y)),
                                StrokeStyle(color: theme.referenceColor, width: 0.8, dash: [3, 2])))
            texts.append(r.item)
        }
        return back + marks + fore + texts.map { .text($0) }
    }
}
