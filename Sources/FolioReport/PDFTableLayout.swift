import FolioScene

extension PDFLayout {
    /// One box per table row (a `TR` element of `TH` or `TD` cells; the caller opens the `Table`):
    /// a bold header row kept with the first body row and ruled below,
    /// numeric columns right-aligned with tabular figures, a light rule under the last row.
    func tableBoxes(_ table: TableBlock, x: Double, width: Double) -> [LayoutBox] {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        let padX = 6.0, padY = 3.5
        func cell(_ row: [[Inline]], _ c: Int) -> [Inline] { c < row.count ? row[c] : [] }
        func font(_ c: Int, header: Bool) -> FontSpec {
            style.font(style.tableSize, header ? .semibold : .regular, tabular: table.isRightAligned(c))
        }
        func item(_ inlines: [Inline], _ c: Int, header: Bool, width: Double?) -> TextItem {
            let right = table.isRightAligned(c)
            let alignment: TextAlignment = right ? .trailing
                : (c < table.alignments.count && table.alignments[c] == .center ? .center : .leading)
            return TextItem(.markup(PangoMarkup.build(inlines, linkColor: style.linkColor).markup),
                            font: font(c, header: header), color: style.textColor, origin: .zero,
                            width: width, alignment: width == nil ? .leading : alignment, lineSpacing: 0.1)
        }
        // Natural column widths; text columns shrink (and wrap) when the table is too wide.
        var widths = (0..<columns).map { c -> Double in
            let all = [(table.header, true)] + table.rows.map { ($0, false) }
            return all.map { measurer.measure(item(cell($0.0, c), c, header: $0.1, width: nil)).width }.max()! + 2 * padX
        }
        let total = widths.reduce(0, +)
        if total > width {
            let fixed = (0..<columns).filter { table.isRightAligned($0) }.map { widths[$0] }.reduce(0, +)
            let flexible = total - fixed
            let available = max(width - fixed, Double(columns) * 24)
            for c in 0..<columns where !table.isRightAligned(c) {
                widths[c] = max(24, widths[c] * available / max(flexible, 1))
            }
            let sum = widths.reduce(0, +)
            if sum > width { widths = widths.map { $0 * width / sum } }
        }
        var lefts: [Double] = []
        var acc = x
        for w in widths { lefts.append(acc); acc += w }
        let tableWidth = widths.reduce(0, +)
        let ruleColor = style.ruleColor, textColor = style.textColor

        func rowBox(_ row: [[Inline]], header: Bool, last: Bool, first: Bool) -> LayoutBox {
            let items = (0..<columns).map { item(cell(row, $0), $0, header: header, width: widths[$0] - 2 * padX) }
            let height = (items.map { measurer.measure($0).height }.max() ?? 0) + 2 * padY
            var box = LayoutBox(height: height, spaceBefore: first ? style.paragraphSpacing + 2 : 0) { top in
                var out: [SceneItem] = [.beginStructure(StructureElement(.tableRow))]
                for (c, var t) in items.enumerated() {
                    t.origin = Point(lefts[c] + padX, top + padY)
                    out += [.beginStructure(StructureElement(header ? .headerCell : .dataCell)), .text(t), .endStructure]
                }
                out.append(.endStructure)
                if header {
                    out.append(.stroke(.line(Point(x, top + height), Point(x + tableWidth, top + height)),
                                       StrokeStyle(color: textColor, width: 0.75)))
                } else {
                    out.append(.stroke(.line(Point(x, top + height), Point(x + tableWidth, top + height)),
                                       StrokeStyle(color: ruleColor, width: last ? 0.75 : 0.4)))
                }
                return out
            }
            box.keepWithNext = header
            return box
        }
        var boxes: [LayoutBox] = []
        if !table.header.isEmpty { boxes.append(rowBox(table.header, header: true, last: table.rows.isEmpty, first: true)) }
        for (k, row) in table.rows.enumerated() {
            boxes.append(rowBox(row, header: false, last: k == table.rows.count - 1, first: boxes.isEmpty))
        }
        return boxes
    }
}
