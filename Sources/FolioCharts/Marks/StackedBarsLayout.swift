import FolioScene

/// Horizontal stacked bars (vertical specs too when their labels cannot sit under columns): one bar per category, one
/// segment per series, each segment labelled with its value or share when the label fits inside.
/// Series names go inside the first bar when they all fit there, otherwise in a legend row.
struct StackedBarsLayout: BodyLayout {
    let text: TextKit
    let mark: StackedBarMark
    let axis: TrainedAxis
    var theme: ChartTheme { text.theme }
    private var colors: [Color] { theme.seriesColors(emphasized: mark.segments.map(\.emphasized)) }

    private func rows(legend: Bool, reserve: Double) -> RowPlotLayout {
        let entries = legend && mark.segments.count > 1
            ? zip(mark.segments, colors).map { LegendEntry(name: $0.name, color: $1, shape: .square) } : []
        return RowPlotLayout(text: text, rowLabels: mark.categories, labelFont: theme.font(theme.labelSize),
                             axis: axis, legend: entries, minRowHeight: 18, rightReserve: reserve)
    }

    func requiredHeight(in rect: Rect) throws -> Double { rows(legend: true, reserve: 0).requiredHeight(in: rect) }

    func draw(in rect: Rect) throws -> [SceneItem] {
        // Names inline in the first bar when every segment there can hold "Name share".
        let inline = mark.segments.count > 1 && attempt(rect, legend: false, reserve: 0, names: true).allNamed
        return fittingRight(rect) { reserve in
            let r = attempt(rect, legend: !inline, reserve: reserve, names: inline)
            return (r.items, r.rightmost)
        }
    }

    private func valueLabel(_ s: Int, _ c: Int, _ v: Double) -> String {
        if let l = mark.segments[s].labels?[c] { return l }
        return mark.normalized ? NumberStyle.percent(places: 0).format(v) : axis.style.format(v)
    }

    private func attempt(_ rect: Rect, legend: Bool, reserve: Double, names: Bool)
        -> (items: [SceneItem], rightmost: Double, allNamed: Bool) {
        let f = rows(legend: legend, reserve: reserve).solve(in: rect)
        let font = theme.font(theme.labelSize, tabular: true)
        var marks: [SceneItem] = [], texts = f.texts, boxes = f.textBoxes
        var rightmost = rect.minX, allNamed = true
        for (c, row) in f.rows.enumerated() {
            let rowH = row.upperBound - row.lowerBound
            let h = min(rowH * 0.72, 26), y = row.lowerBound + (rowH - h) / 2, mid = y + h / 2
            var acc = 0.0
            var lastEnd = f.scale.map(0)
            for (s, seg) in mark.segments.enumerated() {
                guard let v = seg.values[c], v > 0 else { continue }
                let x0 = f.scale.map(acc), x1 = f.scale.map(acc + v)
                acc += v; lastEnd = x1
                marks.append(.fill(.rect(Rect(x: x0, y: y, width: x1 - x0, height: h)), colors[s]))
                // A hairline of background between segments keeps them apart in greyscale.
                marks.append(.stroke(.line(Point(x1, y), Point(x1, y + h)), StrokeStyle(color: theme.background, width: 0.8)))
                var label = valueLabel(s, c, v)
                if names && c == 0 { label = seg.name + " " + label }
                let size = text.size(label, font)
                if size.width + 6 <= x1 - x0 && size.height <= h {
                    let item = text.item(label, font: font, color: labelColor(on: colors[s], theme: theme),
                                         at: Point((x0 + x1) / 2, mid - size.height / 2), align: .center)
                    texts.append(item); boxes.append(text.box(item))
                } else {
                    if names && c == 0 { allNamed = false }
                    if s == mark.segments.count - 1 || mark.segments[(s + 1)...].allSatisfy({ ($0.values[c] ?? 0) <= 0 }) {
                        let item = text.item(label, font: font, at: Point(x1 + 3, mid - size.height / 2))
                        let b = text.box(item)
                        if isFree(b, among: boxes, inside: rect.union(right: b.maxX)) {
                            texts.append(item); boxes.append(b); rightmost = max(rightmost, b.maxX)
                        }
                    }
                }
            }
            _ = lastEnd
        }
        return (f.background + marks + f.foreground + texts.map { .text($0) }, rightmost, allNamed)
    }
}
