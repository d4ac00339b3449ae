import FolioScene

/// The chart's frame: title and subtitle at the head, note and source at the foot, both wrapped
/// to the canvas width. The body (marks, axes, legend) goes between.
struct FrameLayout: Sendable {
    let chart: Chart
    let text: TextKit
    var theme: ChartTheme { text.theme }

    /// Head items placed from the top; returns the y where the body may start.
    func head() -> (items: [SceneItem], bottom: Double) {
        let m = theme.margin, w = chart.size.width - 2 * m
        var y = m
        var items: [SceneItem] = []
        let title = text.item(chart.title, font: theme.font(theme.titleSize, .bold), at: Point(m, y), width: w)
        items.append(.text(title)); y += text.metrics(title).height
        if let sub = chart.subtitle, !sub.isEmpty {
            y += 2
            let s = text.item(sub, font: theme.font(theme.subtitleSize), color: theme.mutedTextColor,
                              at: Point(m, y), width: w)
            items.append(.text(s)); y += text.metrics(s).height
        }
        return (items, y + 8)
    }

    /// Height the foot needs (without the gap above it).
    func footHeight() -> Double {
        footItems(top: 0).bottom
    }

    /// Foot items placed so that they end at the canvas bottom margin of a canvas `height` tall.
    func foot(canvasHeight: Double) -> (items: [SceneItem], top: Double) {
        let h = footHeight()
        let top = canvasHeight - theme.margin - h
        return (footItems(top: top).items, top - 6)
    }

    private func footItems(top: Double) -> (items: [SceneItem], bottom: Double) {
        let m = theme.margin, w = chart.size.width - 2 * m
        var y = top
        var items: [SceneItem] = []
        let font = theme.font(theme.footSize)
        if let note = chart.note, !note.isEmpty {
            let t = text.item(note, font: font, color: theme.mutedTextColor, at: Point(m, y), width: w)
            items.append(.text(t)); y += text.metrics(t).height + 1
        }
        if !chart.source.isEmpty {
            let t = text.item(chart.source, font: font, color: theme.mutedTextColor, at: Point(m, y), width: w)
            items.append(.text(t)); y += text.metrics(t).height
        }
        return (items, y)
    }
}
