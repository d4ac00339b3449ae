/// Public factories, so the runner can add generated sections (the methods appendix) without
/// widening the memberwise initialisers the parser uses.
extension Heading {
    /// A heading that has no narrative line (generated sections).
    public static func generated(level: Int, _ text: String, anchor: String) -> Heading {
        Heading(level: level, content: [.text(text)], anchor: anchor, line: 0)
    }
}

extension ListBlock {
    /// A bullet list of the given items.
    public static func bullets(_ items: [[Block]]) -> ListBlock {
        ListBlock(ordered: false, start: 1, items: items)
    }
}

extension TableBlock {
    /// A table with left-aligned text columns.
    public static func text(header: [String], rows: [[[Inline]]]) -> TableBlock {
        TableBlock(header: header.map { [.text($0)] }, rows: rows,
                   alignments: Array(repeating: .left, count: header.count), numericColumns: [])
    }
}
