import FolioScene
@_exported import FolioFormat

/// A chart as a value: what to show and how to label it, never how to draw it. Layout
/// (`ChartLayoutEngine`) turns it into a `Scene`; a renderer turns the scene into files.
public struct Chart: Hashable, Sendable {
    /// Stable identifier: file names (`charts/<id>.png`) and narrative directives (`chart:<id>`).
    public var id: String
    /// A title that states the finding ("Gentoo penguins are the heaviest, 1.37 times the mass of Adelie penguins").
    public var title: String
    public var subtitle: String?
    /// The source line printed at the foot of the chart.
    public var source: String
    /// An optional caveat printed above the source line.
    public var note: String?
    public var mark: ChartMark
    /// The canvas in points (1/72 inch). The default fits a US Letter text column.
    public var size: Size
    /// A sentence describing the chart for screen readers; the data table is generated apart.
    public var altText: String

    public init(id: String, title: String, subtitle: String? = nil, source: String, note: String? = nil,
                mark: ChartMark, size: Size = Size(468, 288), altText: String) {
        self.id = id; self.title = title; self.subtitle = subtitle; self.source = source
        self.note = note; self.mark = mark; self.size = size; self.altText = altText
    }
}

/// The kinds of chart Folio draws.
public enum ChartMark: Hashable, Sendable {
    /// Bars, one per category, grouped side by side when there are several series.
    case bars(BarMark)
    /// Stacked bars, one bar per category, one segment per series; optionally normalised to 100%.
    case stackedBars(StackedBarMark)
    /// Dots (or lollipops) with optional interval whiskers, one row per category.
    case dots(DotMark)
    /// Many items ranked by value, one dot each, some highlighted (e.g. 50 states, one state).
    case rankedDots(RankedDotMark)
    /// A small table of labelled numbers.
    case table(TableMark)

    /// Tables are shown as tables in HTML, not drawn: they need no phone layout.
    public var isTable: Bool { if case .table = self { true } else { false } }
}

/// Which way bars run.
public enum Orientation: Hashable, Sendable { case vertical, horizontal }

/// One named series of values, aligned with a chart's categories.
public struct Series: Hashable, Sendable {
    public var name: String
    /// One value per category; `nil` means not reported (drawn as a gap, labelled "not reported").
    public var values: [Double?]
    /// Optional 95% intervals, one per category, drawn as whiskers.
    public var intervals: [ClosedRange<Double>?]?
    /// Optional direct labels, one per category (already formatted, e.g. "69.9%").
    public var labels: [String?]?
    /// The series is the story (drawn in the accent colour); others are context (muted).
    public var emphasized: Bool
    public init(name: String, values: [Double?], intervals: [ClosedRange<Double>?]? = nil,
                labels: [String?]? = nil, emphasized: Bool = false) {
        self.name = name; self.values = values; self.intervals = intervals; self.labels = labels
        self.emphasized = emphasized
    }
}

/// A value axis: its title, scale, tick number style and domain rules.
public struct ValueAxis: Hashable, Sendable {
    public enum Scale: Hashable, Sendable { case linear, log }
    public var title: String
    public var style: NumberStyle
    public var scale: Scale
    /// Force zero into the domain (always true for bars).
    public var includesZero: Bool
    /// An explicit domain; otherwise trained on the data (and reference lines, intervals).
    public var domain: ClosedRange<Double>?
    public init(title: String, style: NumberStyle = .count, scale: Scale = .linear,
                includesZero: Bool = true, domain: ClosedRange<Double>? = nil) {
        self.title = title; self.style = style; self.scale = scale; self.includesZero = includesZero
        self.domain = domain
    }
}

/// A labelled line across the plot at a value (e.g. "Share of US children 0.93%").
public struct ReferenceLine: Hashable, Sendable {
    public var value: Double
    public var label: String
    public init(value: Double, label: String) { self.value = value; self.label = label }
}

/// Bars, grouped when there are several series.
public struct BarMark: Hashable, Sendable {
    public var orientation: Orientation
    public var categories: [String]
    public var series: [Series]
    public var axis: ValueAxis
    public var referenceLines: [ReferenceLine]
    public init(orientation: Orientation = .horizontal, categories: [String], series: [Series],
                axis: ValueAxis, referenceLines: [ReferenceLine] = []) {
        self.orientation = orientation; self.categories = categories; self.series = series
        self.axis = axis; self.referenceLines = referenceLines
    }
}

/// Stacked bars: each category is one bar, each series one segment of it.
public struct StackedBarMark: Hashable, Sendable {
    public var orientation: Orientation
    public var categories: [String]
    public var segments: [Series]
    public var axis: ValueAxis
    /// Each bar scaled to 100% of its own total.
    public var normalized: Bool
    public init(orientation: Orientation = .horizontal, categories: [String], segments: [Series],
                axis: ValueAxis, normalized: Bool = false) {
        self.orientation = orientation; self.categories = categories; self.segments = segments
        self.axis = axis; self.normalized = normalized
    }
}

/// Dots with optional whiskers, one row per category, several series as several dots per row.
public struct DotMark: Hashable, Sendable {
    public var categories: [String]
    public var series: [Series]
    public var axis: ValueAxis
    public var referenceLines: [ReferenceLine]
    /// Draw a stem from zero to each dot.
    public var lollipop: Bool
    public init(categories: [String], series: [Series], axis: ValueAxis,
                referenceLines: [ReferenceLine] = [], lollipop: Bool = false) {
        self.categories = categories; self.series = series; self.axis = axis
        self.referenceLines = referenceLines; self.lollipop = lollipop
    }
}

/// One ranked item.
public struct RankedItem: Hashable, Sendable {
    public var label: String
    public var value: Double
    public var highlighted: Bool
    public init(label: String, value: Double, highlighted: Bool = false) {
        self.label = label; self.value = value; self.highlighted = highlighted
    }
}

/// Many items ranked by value (largest first), one dot each; highlighted items are labelled
/// with their value and drawn in the accent colour.
public struct RankedDotMark: Hashable, Sendable {
    public var items: [RankedItem]
    public var axis: ValueAxis
    public var referenceLines: [ReferenceLine]
    public init(items: [RankedItem], axis: ValueAxis, referenceLines: [ReferenceLine] = []) {
        self.items = items; self.axis = axis; self.referenceLines = referenceLines
    }
}

/// A small table: a header row and rows of already formatted cells.
public struct TableMark: Hashable, Sendable {
    public var columns: [String]
    public var rows: [[String]]
    /// Columns holding numbers are right-aligned with tabular figures.
    public var numericColumns: Set<Int>
    public init(columns: [String], rows: [[String]], numericColumns: Set<Int> = []) {
        self.columns = columns; self.rows = rows; self.numericColumns = numericColumns
    }
}
