import FolioCharts

/// The numbers behind a chart as a table, so a reader who cannot see the chart (or wants the
/// exact values) gets the same facts: categories × series, intervals, ranked items, reference lines.
///
/// Values are written with the chart axis's `NumberStyle`, with as many decimal places as the
/// chart's own value labels use, so the table never shows less than the chart does.
public struct ChartDataTable: Hashable, Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns holding numbers (right-aligned).
    public var numericColumns: Set<Int>
    /// Rows the chart highlights (the state among the states).
    public var highlightedRows: Set<Int>
    /// The first column labels its row (`<th scope="row">`).
    public var rowHeaders: Bool
    /// Reference lines and similar context, one sentence each.
    public var notes: [String]

    public init(header: [String], rows: [[String]], numericColumns: Set<Int> = [], highlightedRows: Set<Int> = [],
                rowHeaders: Bool = true, notes: [String] = []) {
        self.header = header; self.rows = rows; self.numericColumns = numericColumns
        self.highlightedRows = highlightedRows; self.rowHeaders = rowHeaders; self.notes = notes
    }

    static let notReported = "not reported"

    /// The data table of `chart`.
    public init(_ chart: Chart) {
        switch chart.mark {
        case .bars(let m):
            self = Self.categorical(m.categories, m.series, axis: m.axis)
            notes = Self.referenceNotes(m.referenceLines, style: Self.style(m.axis.style, labels: m.series))
        case .dots(let m):
            self = Self.categorical(m.categories, m.series, axis: m.axis)
            notes = Self.referenceNotes(m.referenceLines, style: Self.style(m.axis.style, labels: m.series))
        case .stackedBars(let m):
            self = Self.stacked(m)
        case .rankedDots(let m):
            let style = Self.style(m.axis.style, labels: [])
            let rows = m.items.enumerated().map { k, item in ["\(k + 1)", item.label, style.format(item.value)] }
            self.init(header: ["Rank", "Name", m.axis.title], rows: rows, numericColumns: [0, 2],
                      highlightedRows: Set(m.items.indices.filter { m.items[$0].highlighted }), rowHeaders: false,
                      notes: Self.referenceNotes(m.referenceLines, style: style))
        case .table(let t):
            self.init(header: t.columns, rows: t.rows, numericColumns: t.numericColumns)
        }
    }

    /// One row per category; per series a value column and, when it has intervals, an interval column.
    private static func categorical(_ categories: [String], _ series: [Series], axis: ValueAxis) -> ChartDataTable {
        let style = style(axis.style, labels: series)
        var header = [""]
        var numeric = Set<Int>()
        for s in series {
            header.append(series.count == 1 ? axis.title : s.name)
            numeric.insert(header.count - 1)
            if s.intervals != nil {
                header.append(series.count == 1 ? "95% interval" : "\(s.name), 95% interval")
                numeric.insert(header.count - 1)
            }
        }
        let rows = categories.indices.map { c -> [String] in
            var row = [categories[c]]
            for s in series {
                let v = c < s.values.count ? s.values[c] : nil
                row.append(v.map(style.format) ?? notReported)
                if let intervals = s.intervals {
                    let i = c < intervals.count ? intervals[c] : nil
                    row.append(i.map { "\(style.format($0.lowerBound)) to \(style.format($0.upperBound))" } ?? "")
                }
            }
            return row
        }
        return ChartDataTable(header: header, rows: rows, numericColumns: numeric)
    }

    /// Stacked bars: each segment's value, and for 100% bars its share of the bar.
    private static func stacked(_ m: StackedBarMark) -> ChartDataTable {
        let values = m.segments.flatMap { $0.values.compactMap { $0 } }
        let valueStyle: NumberStyle = m.normalized
            ? (values.allSatisfy { $0 == $0.rounded() } ? .count : .decimal(places: 1))
            : style(m.axis.style, labels: m.segments)
        let shareStyle = style(m.axis.style, labels: m.segments)
        var header = [""]
        for s in m.segments {
            header.append(s.name)
            if m.normalized { header.append("\(s.name), share") }
        }
        header.append("Total")
        let rows = m.categories.indices.map { c -> [String] in
            let total = m.segments.compactMap { c < $0.values.count ? $0.values[c] : nil }.reduce(0, +)
            var row = [m.categories[c]]
            for s in m.segments {
                let v = c < s.values.count ? s.values[c] : nil
                row.append(v.map(valueStyle.format) ?? notReported)
                if m.normalized { row.append(v.map { total > 0 ? shareStyle.format($0 / total) : "n/a" } ?? notReported) }
            }
            row.append(valueStyle.format(total))
            return row
        }
        return ChartDataTable(header: header, rows: rows, numericColumns: Set(1..<header.count))
    }

    private static func referenceNotes(_ lines: [ReferenceLine], style: NumberStyle) -> [String] {
        lines.map { line in
            let value = style.format(line.value)
            return line.label.contains(value) ? "Reference line: \(line.label)." : "Reference line: \(line.label) (\(value))."
        }
    }

    /// The axis style with at least as many decimal places as the series' own labels show.
    static func style(_ axis: NumberStyle, labels series: [Series]) -> NumberStyle {
        let labels = series.flatMap { $0.labels ?? [] }.compactMap { $0 }
        let places = labels.map(decimalPlaces).max() ?? 0
        switch axis {
        case .count: return places > 0 ? .decimal(places: places) : .count
        case .decimal(let p): return .decimal(places: max(p, places))
        case .percent(let p): return .percent(places: max(p, places))
        case .compact(let p): return .compact(places: max(p, places))
        }
    }

    /// Digits after the decimal point in a formatted label (`0.93%` → 2, `4,546` → 0).
    static func decimalPlaces(_ label: String) -> Int {
        guard let dot = label.firstIndex(of: ".") else { return 0 }
        return label[label.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }.count
    }
}
