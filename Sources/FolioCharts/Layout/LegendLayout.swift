import FolioScene

/// One legend key: a swatch (bar square or point shape) and a series name.
struct LegendEntry: Hashable, Sendable {
    var name: String
    var color: Color
    var shape: MarkShape
}

/// A legend as a row of keys that flows onto further rows when the width runs out.
struct LegendLayout: Sendable {
    let text: TextKit
    let entries: [LegendEntry]

    /// Items placed from `origin`, at most `width` wide; returns them and the height used.
    func layout(at origin: Point, width: Double) -> (items: [SceneItem], height: Double) {
        guard !entries.isEmpty else { return ([], 0) }
        let theme = text.theme, font = theme.font(theme.labelSize)
        let swatch = theme.labelSize * 0.9, gap = 4.0, spacing = 12.0
        var x = origin.x, y = origin.y, rowHeight = 0.0
        var items: [SceneItem] = []
        for e in entries {
            let size = text.size(e.name, font)
            let keyWidth = swatch + gap + min(size.width, width - swatch - gap)
            if x > origin.x && x + keyWidth > origin.x + width { x = origin.x; y += rowHeight + 3; rowHeight = 0 }
            let mid = y + size.height / 2
            items.append(.fill(e.shape.path(center: Point(x + swatch / 2, mid), radius: swatch / 2), e.color))
            items.append(.text(text.item(e.name, font: font, at: Point(x + swatch + gap, y),
                                         width: size.width > width - swatch - gap ? width - swatch - gap : nil)))
            rowHeight = max(rowHeight, text.metrics(text.item(e.name, font: font, at: .zero,
                                                              width: min(size.width + 1, width - swatch - gap))).height)
            x += keyWidth + spacing
        }
        return (items, y + rowHeight - origin.y)
    }
}
