import FolioScene

/// Dots (or lollipops) with optional 95% interval whiskers, one row per category; several series
/// are dodged within the row and told apart by colour and shape, with a small legend.
struct DotsLayout: BodyLayout {
    let text: TextKit
    let mark: DotMark
    let axis: TrainedAxis
    var theme: ChartTheme { text.theme }
    private var colors: [Color] { theme.seriesColors(emphasized: mark.series.map(\.emphasized)) }

    private func rows(reserve: Double) -> RowPlotLayout {
        let legend = mark.series.count > 1
            ? mark.series.enumerated().map { LegendEntry(name: $1.name, color: colors[$0], shape: .forSeries($0)) } : []
        let labelH = text.size("0", theme.font(theme.labelSize)).height
        return RowPlotLayout(text: text, rowLabels: mark.categories, labelFont: theme.font(theme.labelSize),
                             axis: axis, references: mark.referenceLines, legend: legend,
                             minRowHeight: Double(mark.series.count) * (labelH + 1) + 4, rightReserve: reserve)
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
        let font = theme.font(theme.labelSize, tabular: true)
        let n = mark.series.count
        var marks: [SceneItem] = [], texts = f.texts, boxes = f.textBoxes
        var rightmost = rect.minX
        let r = 3.2
        let base = f.scale.map(max(axis.scale.domain.lowerBound, min(0, axis.scale.domain.upperBound)))
        for (c, row) in f.rows.enumerated() {
            let rowH = row.upperBound - row.lowerBound
            let lane = n > 1 ? min(rowH / Double(n + 1), 11) : 0
            for (s, series) in mark.series.enumerated() {
                let y = (row.lowerBound + row.upperBound) / 2 + (Double(s) - Double(n - 1) / 2) * lane
                let interval = series.intervals?[c] ?? nil
                guard let v = series.values[c] else {
                    let t = text.item("not reported", font: theme.font(theme.labelSize, italic: true),
                                      color: theme.mutedTextColor, at: Point(f.plot.minX + 3, 0))
                    var item = t; item.origin.y = y - text.metrics(t).height / 2
                    let b = text.box(item)
                    if isFree(b, among: boxes, inside: rect) { texts.append(item); boxes.append(b) }
                    continue
                }
                let x = f.scale.map(v)
                if mark.lollipop {
                    marks.append(.stroke(.line(Point(base, y), Point(x, y)), StrokeStyle(color: colors[s], width: 1)))
                }
                var lo = x, hi = x
                if let iv = interval {
                    lo = f.scale.map(iv.lowerBound); hi = f.scale.map(iv.upperBound)
                    let style = StrokeStyle(color: colors[s], width: 1.1)
                    marks.append(.stroke(.line(Point(lo, y), Point(hi, y)), style))
                    marks.append(.stroke(.line(Point(lo, y - 2.5), Point(lo, y + 2.5)), style))
                    marks.append(.stroke(.line(Point(hi, y - 2.5), Point(hi, y + 2.5)), style))
                }
                marks.append(.fill(MarkShape.forSeries(s).path(center: Point(x, y), radius: r), colors[s]))
                // Value label beside the dot: right of the whisker, else left of it, else either one
                // moved past the reference lines that cross it, else none.
                let label = series.labels?[c] ?? axis.style.format(v)
                let size = text.size(label, font)
                let beside = [
                    text.item(label, font: font, color: theme.textColor, at: Point(max(hi, x + r) + 3, y - size.height / 2)),
                    text.item(label, font: font, color: theme.textColor, at: Point(min(lo, x - r) - 3, y - size.height / 2), align: .trailing),
                ]
                let candidates = beside + steppedPast(f.referenceXs, beside, text: text)
                for item in candidates {
                    let b = text.box(item)
                    let bounds = item.alignment != .trailing ? rect.union(right: b.maxX)
                        : Rect(x: f.plot.minX, y: rect.minY, width: rect.width, height: rect.height)
                    if isFree(b, among: boxes, inside: bounds) {
                        texts.append(item); boxes.append(b); rightmost = max(rightmost, b.maxX)
                        break
                    }
                }
            }
        }
        return (f.background + f.foreground + marks + texts.map { .text($0) }, rightmost)
    }
}
