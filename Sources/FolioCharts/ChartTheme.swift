import FolioScene

/// Fonts, colours and sizes for charts, tuned to read in print at the default 468×288 pt canvas.
///
/// The palette is Okabe–Ito based and survives greyscale: the story is a dark blue accent, the
/// second series a vermillion of clearly different lightness, context a light grey.
public struct ChartTheme: Hashable, Sendable {
    public var fontFamily: String
    public var background: Color
    /// Title (bold, states the finding).
    public var titleSize: Double
    public var subtitleSize: Double
    /// Tick, category, value and legend labels.
    public var labelSize: Double
    /// Row labels of long ranked lists (50 states).
    public var rankedLabelSize: Double
    /// Note and source at the foot.
    public var footSize: Double
    public var textColor: Color
    public var mutedTextColor: Color
    public var gridColor: Color
    public var axisColor: Color
    public var referenceColor: Color
    /// The story colour.
    public var accent: Color
    /// The colour of a second series.
    public var secondary: Color
    /// Context marks (non-highlighted items).
    public var muted: Color
    /// Further series colours after accent and secondary.
    public var extraPalette: [Color]
    /// Space kept clear around the canvas edge.
    public var margin: Double
    /// Category labels wrap at this fraction of the canvas width.
    public var categoryLabelMaxFraction: Double

    public init(fontFamily: String = "Inter", background: Color = .white) {
        self.fontFamily = fontFamily; self.background = background
        titleSize = 11; subtitleSize = 8.5; labelSize = 8; rankedLabelSize = 7; footSize = 6.5
        textColor = Color(hex: 0x222222); mutedTextColor = Color(hex: 0x5f5f5f)
        gridColor = Color(hex: 0xe6e6e6); axisColor = Color(hex: 0x8c8c8c)
        referenceColor = Color(hex: 0x3d3d3d)
        accent = Color(hex: 0x1f4e79); secondary = Color(hex: 0xd55e00); muted = Color(hex: 0xb3b3b3)
        extraPalette = [Color(hex: 0x56b4e9), Color(hex: 0xe69f00), Color(hex: 0x009e73), Color(hex: 0xcc79a7)]
        margin = 6; categoryLabelMaxFraction = 0.35
    }
    public static let standard = ChartTheme()

    /// For charts drawn again for phone screens at `narrowWidth`: every text at least 11.5 pt,
    /// so shown about 1:1 in CSS pixels on a 390-px phone (a 358-px column) no chart text
    /// reads smaller than 11 px. Measured in headless Chromium with `scripts/chart-text-size.sh`.
    public static let narrow: ChartTheme = {
        var t = ChartTheme()
        t.titleSize = 15; t.subtitleSize = 12.5; t.labelSize = 12; t.rankedLabelSize = 11.5; t.footSize = 11.5
        t.margin = 4; t.categoryLabelMaxFraction = 0.42
        return t
    }()
    /// The canvas width of a chart laid out for phones (points, shown as CSS pixels).
    public static let narrowWidth = 340.0

    /// Colours for `count` series: emphasized series take the accent, the others follow in order.
    public func seriesColors(emphasized: [Bool]) -> [Color] {
        let anyEmphasis = emphasized.contains(true)
        var others = anyEmphasis ? [secondary, muted] + extraPalette : [accent, secondary, muted] + extraPalette
        if emphasized.count == 1 { return [accent] }
        return emphasized.map { isStory in
            if isStory { return accent }
            let c = others.first ?? muted
            if !others.isEmpty { others.removeFirst() }
            return c
        }
    }

    /// The fonts chart layouts ask for, so a renderer can load them ahead of time (a hint:
    /// a font missing here is loaded on first use, only later).
    public var fontsInUse: [FontSpec] {
        [font(titleSize, .bold), font(subtitleSize), font(labelSize), font(labelSize, tabular: true),
         font(labelSize, .semibold, tabular: true), font(labelSize, .bold, tabular: true),
         font(rankedLabelSize), font(rankedLabelSize, .bold), font(footSize)]
    }

    func font(_ size: Double, _ weight: FontSpec.Weight = .regular, italic: Bool = false,
              tabular: Bool = false) -> FontSpec {
        FontSpec(family: fontFamily, size: size, weight: weight, italic: italic, tabularFigures: tabular)
    }
}
