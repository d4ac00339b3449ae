/// A font request: family, size in points, weight and slant. The family must be one that the
/// pinned font configuration provides (see `FolioCairo.FontLibrary`).
public struct FontSpec: Hashable, Sendable {
    public enum Weight: Int, Hashable, Sendable { case regular = 400, medium = 500, semibold = 600, bold = 700 }
    public var family: String
    public var size: Double
    public var weight: Weight
    public var italic: Bool
    /// Use tabular (fixed-width) figures, for numbers in tables and on axes.
    public var tabularFigures: Bool
    public init(family: String = "Inter", size: Double, weight: Weight = .regular, italic: Bool = false,
                tabularFigures: Bool = false) {
        self.family = family; self.size = size; self.weight = weight; self.italic = italic
        self.tabularFigures = tabularFigures
    }
}

/// Horizontal alignment of text inside its box.
public enum TextAlignment: Hashable, Sendable { case leading, center, trailing }

/// The content of a text item: plain text, or Pango markup (`<b>`, `<i>`, `<span>`), already escaped.
public enum TextContent: Hashable, Sendable {
    case plain(String)
    case markup(String)
}

/// A block of text placed in a scene. `origin` is the top-left of the text box; with a `width`
/// the text wraps at word boundaries and aligns inside that width, without one it is one line
/// and `alignment` says which point of the line `origin.x` names (left end, middle, right end).
public struct TextItem: Hashable, Sendable {
    public var content: TextContent
    public var font: FontSpec
    public var color: Color
    public var origin: Point
    public var width: Double?
    public var alignment: TextAlignment
    /// Extra space between lines as a multiple of the font size (0 = the font's own spacing).
    public var lineSpacing: Double
    /// Rotation in degrees, counter-clockwise, about `origin` (used for vertical axis titles).
    public var rotation: Double
    public init(_ content: TextContent, font: FontSpec, color: Color = .black, origin: Point,
                width: Double? = nil, alignment: TextAlignment = .leading, lineSpacing: Double = 0,
                rotation: Double = 0) {
        self.content = content; self.font = font; self.color = color; self.origin = origin
        self.width = width; self.alignment = alignment; self.lineSpacing = lineSpacing
        self.rotation = rotation
    }
}

/// What a text measurer reports for a text item, before rotation.
public struct TextMetrics: Hashable, Sendable {
    /// The ink-independent logical width and height of the whole block.
    public var width: Double
    public var height: Double
    /// Distance from the top of the block to the first line's baseline.
    public var baseline: Double
    /// The number of lines after wrapping.
    public var lineCount: Int
    public init(width: Double, height: Double, baseline: Double, lineCount: Int) {
        self.width = width; self.height = height; self.baseline = baseline; self.lineCount = lineCount
    }
}

/// Measures text exactly as the renderer will draw it, so layout can place text before drawing.
public protocol TextMeasurer: Sendable {
    func measure(_ text: TextItem) -> TextMetrics
    /// Rectangles, relative to the text box's top-left corner, covering the text between two
    /// points of a markup item: the ends of the markup prefixes `from` and `to` (one rectangle
    /// per line the span crosses). Used for link areas in PDFs. Empty when unsupported.
    func spanRects(_ text: TextItem, fromMarkupPrefix from: String, toMarkupPrefix to: String) -> [Rect]
}

extension TextMeasurer {
    public func spanRects(_ text: TextItem, fromMarkupPrefix from: String, toMarkupPrefix to: String) -> [Rect] { [] }
}
