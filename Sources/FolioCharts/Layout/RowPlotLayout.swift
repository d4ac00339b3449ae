import FolioScene

/// The frame shared by every chart with one row per category and a horizontal value axis
/// (horizontal bars, stacked bars, dots, ranked dots): legend on top, reference-line label lanes,
/// a wrapped category-label column on the left, the plot, tick labels and axis title below.
struct RowPlotLayout: Sendable {
    let text: TextKit
    var rowLabels: [String]
    var labelFont: FontSpec
    /// Rows whose label is drawn bold and in the text colour (highlighted items).
    var strongRows: Set<Int> = []
    var mutedLabels = false
    var axis: TrainedAxis
    var references: [ReferenceLine] = []
    var legend: [LegendEntry] = []
    /// The least height of a row, whatever its label.
    var minRowHeight: Double
    /// Space kept right of the plot for labels beyond the last tick.
    var rightReserve: Double = 0

    var theme: ChartTheme { text.theme }

    /// The solved frame: where the plot and rows are, the scale with its range, and frame items.
    struct Frame {
        var plot: Rect
        var rows: [ClosedRange<Double>]
        var scale: any ContinuousScale
        var background: [SceneItem]
        var foreground: [SceneItem]
        var texts: [TextItem]
        /// What a value label must keep clear of: the frame's texts and its reference lines.
        var textBoxes: [Rect]
        /// The x of each reference line, for labels to step past.
        var referenceXs: [Double] = []
    }

    private var labelColumnWidth: (Double) -> Double {
        { width in
            let natural = rowLabels.map { text.size($0, labelFont).width }.max() ?? 0
            return min(natural + 1, width * theme.categoryLabelMaxFraction)
        }
    }

    private func labelItems(width: Double, x: Double) -> [TextItem] {
        rowLabels.enumerated().map { i, label in
            var font = labelFont
            if strongRows.contains(i) { font.weight = .bold }
            let color = strongRows.contains(i) || !mutedLabels ? theme.textColor : theme.mutedTextColor
            return text.item(label, font: font, color: color, at: Point(x, 0), width: width, align: .trailing)
        }
    }

    private var tickFont: FontSpec { theme.font(theme.labelSize, tabular: true) }

    private func bottomBand(plotWidth: Double) -> Double {
        let tickH = text.size("0", tickFont).height
        var h = tickH + 3
        if !axis.title.isEmpty {
            let t = text.item(axis.title, font: theme.font(theme.labelSize), at: .zero, width: plotWidth)
            h += text.metrics(t).height + 3
        }
        return h
    }

    /// The least height the body needs at `width` (rows at their minimum height).
    func requiredHeight(in rect: Rect) -> Double {
        let lw = labelColumnWidth(rect.width)
        // Rows share one height, so the tallest wrapped label sets it for all.
        let rowNeed = labelItems(width: lw, x: 0).map { max(minRowHeight, text.metrics($0).height + 2) }.max() ?? minRowHeight
        let rowsNeed = rowNeed * Double(rowLabels.count)
        let probe = solve(in: rect, dryRun: true)
        return (probe.plot.minY - rect.minY) + rowsNeed + (rect.maxY - probe.plot.maxY)
    }

    func solve(in rect: Rect) -> Frame { solve(in: rect, dryRun: false) }

    private func solve(in rect: Rect, dryRun: Bool) -> Frame {
        var background: [SceneItem] = [], foreground: [SceneItem] = []
        var texts: [TextItem] = []
        // Legend.
        var top = rect.minY
        let legendLayout = LegendLayout(text: text, entries: legend).layout(at: Point(rect.minX, top), width: rect.width)
        for it in legendLayout.items {
            if case .text(let t) = it { texts.append(t) } else { background.append(it) }
        }
        if legendLayout.height > 0 { top += legendLayout.height + 6 }
        // Label column and plot span.
        let lw = labelColumnWidth(rect.width)
        let plotLeft = rect.minX + lw + 6
        let tickSizes = axis.labels.map { text.size($0, tickFont) }
        let lastTickHalf = (tickSizes.last?.width ?? 0) / 2
        let plotRight = max(plotLeft + 20, rect.maxX - max(rightReserve, lastTickHalf))
        let scale = axis.scale.withRange((plotLeft, plotRight))
        let firstTickHalf = (tickSizes.first?.width ?? 0) / 2
        _ = firstTickHalf
        // Reference label lanes.
        let refs = ReferenceLabelPlacer(text: text).place(
            references.map { ($0.label, scale.map($0.value)) }, span: rect.minX...rect.maxX, top: top)
        if refs.height > 0 { top += refs.height + 2 }
        // Plot and rows.
        let bottom = rect.maxY - bottomBand(plotWidth: plotRight - plotLeft)
        let plot = Rect(x: plotLeft, y: top, width: plotRight - plotLeft, height: max(1, bottom - top))
        let n = max(1, rowLabels.count)
        let rowH = plot.height / Double(n)
        let rows = (0..<n).map { i in (top + Double(i) * rowH)...(top + Double(i + 1) * rowH) }
        if dryRun {
            return Frame(plot: plot, rows: rows, scale: scale, background: [], foreground: [], texts: [], textBoxes: [])
        }
        // Gridlines at ticks.
        for t in axis.ticks {
            let x = scale.map(t)
            background.append(.stroke(.line(Point(x, plot.minY), Point(x, plot.maxY)),
                                      StrokeStyle(color: theme.gridColor, width: 0.6)))
        }
        // Row labels, vertically centred.
        for (i, var item) in labelItems(width: lw, x: rect.minX).enumerated() where i < rows.count {
            let h = text.metrics(item).height
            item.origin.y = (rows[i].lowerBound + rows[i].upperBound) / 2 - h / 2
            texts.append(item)
        }
        // Tick labels, thinned until neighbours keep a gap.
        let tickY = plot.maxY + 3
        let tickItems = zip(axis.ticks, axis.labels).map { t, l in
            text.item(l, font: tickFont, color: theme.mutedTextColor, at: Point(scale.map(t), tickY), align: .center)
        }
        let boxes = tickItems.map { text.box($0) }
        var stride = 1
        while stride < boxes.count {
            let kept = Swift.stride(from: 0, to: boxes.count, by: stride).map { boxes[$0] }
            if zip(kept, kept.dropFirst()).allSatisfy({ $0.maxX + 4 <= $1.minX }) { break }
            stride += 1
        }
        for i in Swift.stride(from: 0, to: tickItems.count, by: stride) { texts.append(tickItems[i]) }
        // Axis title, centred under the plot.
        if !axis.title.isEmpty {
            let tickH = text.size("0", tickFont).height
            texts.append(text.item(axis.title, font: theme.font(theme.labelSize), color: theme.mutedTextColor,
                                   at: Point(plot.minX, tickY + tickH + 3), width: plot.width, align: .center))
        }
        // Reference lines and their labels.
        for p in refs.placed {
            texts.append(p.item)
            foreground.append(.stroke(.line(Point(p.lineX, p.lineTop), Point(p.lineX, plot.maxY)),
                                      StrokeStyle(color: theme.referenceColor, width: 0.8, dash: [3, 2])))
        }
        let lines = refs.placed.map { Rect(x: $0.lineX - 1.5, y: $0.lineTop, width: 3, height: plot.maxY - $0.lineTop) }
        return Frame(plot: plot, rows: rows, scale: scale, background: background, foreground: foreground,
                     texts: texts, textBoxes: texts.map { text.box($0) } + lines, referenceXs: refs.placed.map(\.lineX))
    }
}
