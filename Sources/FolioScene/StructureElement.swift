/// One element of a tagged PDF's structure tree: what a screen reader announces (a heading, a
/// paragraph, a list item, a table cell, a figure with its alternative text).
public struct StructureElement: Hashable, Sendable {
    /// The element's standard structure type (ISO 32000-1, 14.8.4).
    public enum Role: String, Hashable, Sendable {
        case document = "Document", division = "Div", paragraph = "P", span = "Span", code = "Code"
        case heading1 = "H1", heading2 = "H2", heading3 = "H3", heading4 = "H4", heading5 = "H5", heading6 = "H6"
        case list = "L", listItem = "LI", label = "Lbl", listBody = "LBody"
        case table = "Table", tableRow = "TR", headerCell = "TH", dataCell = "TD"
        case figure = "Figure", caption = "Caption"

        /// The heading role for a Markdown heading level, clamped to 1…6.
        public static func heading(_ level: Int) -> Role {
            [.heading1, .heading2, .heading3, .heading4, .heading5, .heading6][min(max(level, 1), 6) - 1]
        }
    }

    public var role: Role
    /// What a reader hears instead of the content (figures).
    public var alternativeText: String?

    public init(_ role: Role, alternativeText: String? = nil) {
        self.role = role; self.alternativeText = alternativeText
    }
}

extension Array where Element == SceneItem {
    /// These items with `element` opened just before the first element they open, so drawing
    /// that comes first (a box's tint, a page's background) stays outside it. Cairo 1.16
    /// refuses a structure element whose own content precedes its first child element.
    public func opening(_ element: StructureElement) -> [SceneItem] {
        var items = self
        let first = items.firstIndex { if case .beginStructure = $0 { true } else { false } } ?? 0
        items.insert(.beginStructure(element), at: first)
        return items
    }
}
