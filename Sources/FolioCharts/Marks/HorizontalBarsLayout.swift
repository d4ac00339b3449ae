import FolioScene

/// Horizontal bars, grouped when several series: one row per category, value labels at bar ends
/// (inside in white when the bar is long enough, else just outside), a legend for several series.
struct HorizontalBarsLayout: BodyLayout {
    let text: TextKit
    let mark: BarMark
    let axis: TrainedAxis
    var theme: ChartTheme { text.theme }

    private func rows(reserve: Double) -> RowPlotLayout {
        let colors = theme.seriesColors(emphasized: mark.series.map(\.emphasized))
        let legend = mark.series.count > 1
            ? zip(mark.series, colors).map { LegendEntry(name: $0.name, color: $1, shape: .square) } : []
        return RowPlotLayout(text: text, rowLabels: mark.categories, labelFont: theme.font(theme.labelSize),
                             axis: axis, references: mark.referenceLines, legend: legend,
                             minRowHeight: Double(mark.series.count) * 11 + 4, rightReserve: reserve)
    }

    func requiredHeight(in rect: Rect) throws -> Double {
        let reserve = settledReserve(rect) { reserve in attempt(rect, reserve) }
        return rows(reserve: reserve).requiredHeight(in: rect)
    }

    func draw(in rect: Rect) throws -> [SceneItem] {
        fittingRight(rect) { reserve in attempt(rect, reserve) }
    }

    private func attempt(_ rect: Rect, _ reserve: Double) -> (items: [SceneItem], rightmost: Double) {
        let f = rows(reserve: reserve).solve(in: rect)
        let colors = theme.seriesColors(emphasized: mark.series.map(\.emphasized))
        let font = theme.font(theme.labelSize, tabular: true)
        let x0 = f.scale.map(0)
        var marks: [SceneItem] = [], texts = f.texts, boxes = f.textBoxes
        var rightmost = rect.minX
        let nSeries = mark.series.count
        for (c, row) in f.rows.enumerated() {
            let rowH = row.upperBound - row.lowerBound
            let thickness = min(rowH * 0.72, 22.0 * Double(nSeries))
            let band = BandScale(count: nSeries, range: (row.lowerBound + (rowH - thickness) / 2)...(row.lowerBound + (rowH + thickness) / 2),
                                 paddingInner: nSeries > 1 ? 0.08 : 0, paddingOuter: 0)
            for (s, series) in mark.series.enumerated() {
                let y = band.start(s), h = band.bandwidth, mid = y + h / 2
                guard let v = series.values[c] else {
                    let t = text.item("not reported", font: theme.font(theme.labelSize, italic: true),
                                      color: theme.mutedTextColor, at: Point(x0 + 3, 0))
                    var item = t; item.origin.y = mid - text.metrics(t).height / 2
                    let b = text.box(item)
                    if isFree(b, among: boxes, inside: rect.union(right: b.maxX)) {
                        texts.append(item); boxes.append(b); rightmost = max(rightmost, b.maxX)
                    }
                    continue
                }
                let x1 = f.scale.map(v)
                let left = min(x0, x1), width = abs(x1 - x0)
                marks.append(.fill(.rect(Rect(x: left, y: y, width: width, height: h)), colors[s]))
                let label = series.labels?[c] ?? axis.style.format(v)
                let size = text.size(label, font)
                let inside = width >= size.width + 8 && h >= size.height * 0.85
                let lx: Double
                let align: TextAlignment
                if inside { lx = v >= 0 ? x1 - 4 : x1 + 4; align = v >= 0 ? .trailing : .leading }
                else { lx = v >= 0 ? x1 + 3 : x1 - 3; align = v >= 0 ? .leading : .trailing }
                let item = text.item(label, font: font, color: inside ? labelColor(on: colors[s], theme: theme) : theme.textColor,
                                     at: Point(lx, mid - size.height / 2), align: align)
                let b = text.box(item)
                if inside || isFree(b, among: boxes, inside: rect.union(right: b.maxX)) {
                    texts.append(item); boxes.append(b); rightmost = max(rightmost, b.maxX)
                }
            }
        }
        let zero: [SceneItem] = axis.scale.domain.contains(0)
            ? [.stroke(.line(Point(x0, f.plot.minY), Point(x0, f.plot.maxY)), StrokeStyle(color: theme.axisColor, width: 0.8))]
            : []
        return (f.background + marks + zero + f.foreground + texts.map { .text($0) }, rightmost)
    }
}

extension Rect {
    /// This rectangle widened on the right to reach at least `maxX` (used to test labels that may
    /// still push the layout to make room).
    func union(right maxX: Double) -> Rect {
        Rect(x: minX, y: minY, width: Swift.max(width, maxX - minX), height: height)
    }
}
