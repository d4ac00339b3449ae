import FolioScene

/// Turns a `Chart` into a `Scene`: trains scales, places ticks, measures and places every text,
/// and draws marks. Errors name the phase and the chart.
public struct ChartLayoutEngine: Sendable {
    public var theme: ChartTheme
    public var measurer: any TextMeasurer
    public init(theme: ChartTheme = .standard, measurer: any TextMeasurer) {
        self.theme = theme; self.measurer = measurer
    }

    /// Lays out `chart` on its own canvas (`chart.size`).
    public func layout(_ chart: Chart) throws -> Scene {
        // PLACEHOLDER: replaced by the real layout pipeline.
        Scene(size: chart.size, background: theme.background, items: [])
    }
}

/// Fonts, colours and sizes for charts.
public struct ChartTheme: Hashable, Sendable {
    public var fontFamily: String
    public var background: Color
    public init(fontFamily: String = "Inter", background: Color = .white) {
        self.fontFamily = fontFamily; self.background = background
    }
    public static let standard = ChartTheme()
}
