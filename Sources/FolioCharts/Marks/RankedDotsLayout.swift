import FolioScene

/// A ranked dot plot: one labelled row per item, largest first; highlighted items in the accent
/// colour with bold row label and value label, the rest muted. Rows keep a readable minimum height,
/// so a long list (50 states) makes the engine grow the canvas height.
struct RankedDotsLayout: BodyLayout {
    let text: TextKit
    let mark: RankedDotMark
    let axis: TrainedAxis
    var theme: ChartTheme { text.theme }

    private func rows(reserve: Double) -> RowPlotLayout {
        let font = theme.font(theme.rankedLabelSize)
        let strong = Set(mark.items.indices.filter { mark.items[$0].highlighted })
        return RowPlotLayout(text: text, rowLabels: mark.items.map(\.label), labelFont: font, strongRows: strong,
                             mutedLabels: true, axis: axis, references: mark.referenceLines,
                             minRowHeight: text.size("Ag", font).height + 0.5, rightReserve: reserve)
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
        var back: [SceneItem] = [], marks: [SceneItem] = [], texts = f.texts, boxes = f.textBoxes
        var rightmost = rect.minX
        for (i, item) in mark.items.enumerated() where i < f.rows.count {
            let row = f.rows[i], y = (row.lowerBound + row.upperBound) / 2
            let x = f.scale.map(item.value)
            if item.highlighted {
                back.append(.fill(.rect(Rect(x: rect.minX, y: row.lowerBound, width: rect.width, height: row.upperBound - row.lowerBound)),
                                  Color(hex: 0x1f4e79, alpha: 0.08)))
            }
            marks.append(.stroke(.line(Point(f.plot.minX, y), Point(x, y)),
                                 StrokeStyle(color: item.highlighted ? theme.accent : theme.gridColor, width: item.highlighted ? 0.9 : 0.6)))
            let radius = item.highlighted ? 3.4 : 2.4
            marks.append(.fill(.circle(center: Point(x, y), radius: radius), item.highlighted ? theme.accent : theme.muted))
            guard item.highlighted else { continue }
            let label = axis.style.format(item.value)
            let font = theme.font(theme.labelSize, .bold, tabular: true)
            let size = text.size(label, font)
            // Right of the dot, else past a reference line there (left of the dot the label would
            // sit on the highlighted stem), else left.
            let right = text.item(label, font: font, color: theme.accent, at: Point(x + radius + 3, y - size.height / 2))
            let left = text.item(label, font: font, color: theme.accent, at: Point(x - radius - 3, y - size.height / 2),
                                 align: .trailing)
            let candidates = [right] + steppedPast(f.referenceXs, [right], text: text) + [left]
                + steppedPast(f.referenceXs, [left], text: text)
            for item in candidates {
                let b = text.box(item)
                if isFree(b, among: boxes, inside: rect.union(right: b.maxX)) {
                    texts.append(item); boxes.append(b); rightmost = max(rightmost, b.maxX)
                    break
                }
            }
        }
        return (back + f.background + f.foreground + marks + texts.map { .text($0) }, rightmost)
    }
}
