import FolioScene

/// Page margins, type sizes, colours and spacing of the PDF briefing.
public struct PDFStyle: Hashable, Sendable {
    /// Margin on every side, in points (0.85 in).
    public var margin: Double = 61.2
    public var fontFamily: String = "Inter"
    public var bodySize: Double = 10.5
    /// Extra line spacing as a multiple of the size; with Inter's own ~1.2 this gives ~1.4.
    public var bodyLineSpacing: Double = 0.2
    public var titleSize: Double = 20
    public var subtitleSize: Double = 12
    public var bylineSize: Double = 9.5
    /// Heading sizes for levels 1, 2, 3 and deeper.
    public var headingSizes: [Double] = [16, 13, 11, 10.5]
    /// Space above headings of levels 1, 2, 3 and deeper.
    public var headingSpaceAbove: [Double] = [20, 16, 11, 9]
    public var paragraphSpacing: Double = 7
    public var captionSize: Double = 9
    public var tableSize: Double = 9.5
    public var codeSize: Double = 8
    public var runningHeaderSize: Double = 8
    public var footerSize: Double = 8
    public var listIndent: Double = 16
    public var listItemSpacing: Double = 3
    public var calloutPadding: Double = 9
    /// Key figures on page 1: the number, its label, and the gap between boxes.
    public var keyFigureValueSize: Double = 20
    public var keyFigureLabelSize: Double = 8.5
    public var keyFigureGap: Double = 8
    public var noteSize: Double = 8.5
    public var textColor = Color(hex: 0x1b1f24)
    public var mutedColor = Color(hex: 0x5f6670)
    public var linkColor = Color(hex: 0x1f5fa8)
    public var ruleColor = Color(hex: 0xc4c9cf)
    public var calloutFill = Color(hex: 0xeef3f9)
    public var calloutBar = Color(hex: 0x1f5fa8)
    public var codeFill = Color(hex: 0xf3f4f6)
    /// The accent of key figures (the chart theme's story colour family).
    public var accentColor = Color(hex: 0x1f5fa8)

    public init() {}
    public static let standard = PDFStyle()

    /// The fonts page layout asks for, so a renderer can load them ahead of time (a hint: a
    /// font missing here is loaded on first use, only later).
    public var fontsInUse: [FontSpec] {
        [font(bodySize), font(bodySize, .bold), font(bodySize, italic: true), font(titleSize, .bold), font(subtitleSize),
         font(bylineSize), font(tableSize, tabular: true), font(tableSize, .semibold, tabular: true),
         font(keyFigureValueSize, .semibold, tabular: true), font(keyFigureLabelSize), font(captionSize),
         font(captionSize, .semibold), font(runningHeaderSize), font(noteSize)]
            + headingSizes.map { font($0, .semibold) }
    }

    func font(_ size: Double, _ weight: FontSpec.Weight = .regular, italic: Bool = false,
              tabular: Bool = false) -> FontSpec {
        FontSpec(family: fontFamily, size: size, weight: weight, italic: italic, tabularFigures: tabular)
    }
    func headingSize(_ level: Int) -> Double { headingSizes[min(max(level, 1), headingSizes.count) - 1] }
    func headingSpace(_ level: Int) -> Double { headingSpaceAbove[min(max(level, 1), headingSpaceAbove.count) - 1] }
}
