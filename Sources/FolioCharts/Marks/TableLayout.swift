import FolioScene

/// A small table: bold header row over a dark rule, light rules between rows, numeric columns
/// right-aligned in tabular figures; the first text column wraps when the table is too wide.
struct TableLayout: BodyLayout {
    let text: TextKit
    let mark: TableMark
    var theme: ChartTheme { text.theme }
    private let gap = 12.0, padY = 3.0
    var shrinksToFit: Bool { true }

    private func font(_ column: Int, header: Bool) -> FontSpec {
        theme.font(theme.labelSize, header ? .semibold : .regular, tabular: mark.numericColumns.contains(column))
    }

    private func widths(_ available: Double) -> [Double] {
        var w = mark.columns.indices.map { c in
            ([text.size(mark.columns[c], font(c, header: true)).width]
             + mark.rows.map { text.size($0[c], font(c, header: false)).width }).max() ?? 0
        }.map { $0 + 1 }
        let total = w.reduce(0, +) + gap * Double(max(0, w.count - 1))
        if total > available {
            // Shrink the widest text columns, keeping numbers intact.
            let textCols = mark.columns.indices.filter { !mark.numericColumns.contains($0) }
            let shrinkable = textCols.isEmpty ? Array(mark.columns.indices) : textCols
            let excess = total - available
            let pool = shrinkable.map { w[$0] }.reduce(0, +)
            for c in shrinkable where pool > 0 { w[c] = max(24, w[c] - excess * w[c] / pool) }
        }
        return w
    }

    private func cells(_ rect: Rect) -> (rows: [[TextItem]], heights: [Double], width: Double) {
        let w = widths(rect.width)
        var xs: [Double] = [], x = rect.minX
        for cw in w { xs.append(x); x += cw + gap }
        let all = [mark.columns] + mark.rows
        var rows: [[TextItem]] = [], heights: [Double] = [], y = rect.minY
        for (r, cellsOfRow) in all.enumerated() {
            var items = cellsOfRow.enumerated().map { c, s in
                text.item(s, font: font(c, header: r == 0), color: r == 0 ? theme.textColor : theme.textColor,
                          at: Point(xs[c], y + padY), width: w[c], align: mark.numericColumns.contains(c) ? .trailing : .leading)
            }
            let h = (items.map { text.metrics($0).height }.max() ?? 0) + 2 * padY
            // Header cells sit on the rule: bottom-align them when some wrap.
            if r == 0 { items = items.map { var i = $0; i.origin.y = y + h - padY - text.metrics(i).height; return i } }
            rows.append(items); heights.append(h); y += h
        }
        return (rows, heights, x - gap - rect.minX)
    }

    func requiredHeight(in rect: Rect) throws -> Double { cells(rect).heights.reduce(0, +) }

    func draw(in rect: Rect) throws -> [SceneItem] {
        let t = cells(rect)
        var lines: [SceneItem] = [], y = rect.minY
        for (r, h) in t.heights.enumerated() {
            y += h
            let style = r == 0 ? StrokeStyle(color: theme.axisColor, width: 0.8) : StrokeStyle(color: theme.gridColor, width: 0.5)
            lines.append(.stroke(.line(Point(rect.minX, y), Point(rect.minX + t.width, y)), style))
        }
        return lines + t.rows.flatMap { $0.map { SceneItem.text($0) } }
    }
}
