import FolioScene

/// Lays out and draws a chart's body (everything between the head and the foot) for one kind of mark.
protocol BodyLayout: Sendable {
    /// The least height the body needs in `rect`'s width; the engine grows the canvas to give it.
    func requiredHeight(in rect: Rect) throws -> Double
    /// The body's items: backgrounds, marks, lines, then texts (so text is never painted over).
    func draw(in rect: Rect) throws -> [SceneItem]
    /// True when the canvas should shrink to the body's required height (tables), not only grow.
    var shrinksToFit: Bool { get }
}

extension BodyLayout {
    var shrinksToFit: Bool { false }

    /// Row-chart helper: repeats `attempt` with more space on the right until labels beyond the plot
    /// fit inside `rect` (at most a few times), and returns the last result.
    func fittingRight(_ rect: Rect, _ attempt: (Double) -> (items: [SceneItem], rightmost: Double)) -> [SceneItem] {
        settle(rect, attempt).items
    }

    /// The right reserve `fittingRight` settles on in `rect`: a row chart's required height is
    /// measured with it, since a narrower plot can wrap the axis title onto more lines.
    func settledReserve(_ rect: Rect, _ attempt: (Double) -> (items: [SceneItem], rightmost: Double)) -> Double {
        settle(rect, attempt).reserve
    }

    private func settle(_ rect: Rect, _ attempt: (Double) -> (items: [SceneItem], rightmost: Double))
        -> (items: [SceneItem], reserve: Double) {
        var reserve = 0.0
        var result = attempt(reserve)
        for _ in 0..<4 {
            let overflow = result.rightmost - rect.maxX
            if overflow <= 0.01 { break }
            reserve += overflow + 0.5
            result = attempt(reserve)
        }
        return (result.items, reserve)
    }
}

/// Each of `candidates` that a reference line at one of `lines` crosses, moved just past the
/// lines (rightwards for a label right of its mark, leftwards for one left of it), so a label a
/// median line would run through can sit beyond the line instead.
func steppedPast(_ lines: [Double], _ candidates: [TextItem], text: TextKit) -> [TextItem] {
    candidates.compactMap { item -> TextItem? in
        var moved = item
        // Lines close together: step past each in turn until none crosses.
        for _ in 0..<lines.count {
            let box = text.box(moved)
            let crossed = lines.filter { $0 >= box.minX - 1.5 && $0 <= box.maxX + 1.5 }
            guard !crossed.isEmpty else { break }
            if item.alignment == .trailing {
                moved.origin.x -= box.maxX - (crossed.min()! - 3)
            } else {
                moved.origin.x += (crossed.max()! + 3) - box.minX
            }
        }
        return moved == item ? nil : moved
    }
}

/// Whether a candidate text box is clear of `boxes` and inside `bounds`.
func isFree(_ box: Rect, among boxes: [Rect], inside bounds: Rect) -> Bool {
    bounds.contains(box) && !boxes.contains { $0.intersects(box) }
}

/// Text colour that reads on a fill: white on dark fills, near-black on light ones.
func labelColor(on fill: Color, theme: ChartTheme) -> Color {
    let l = 0.2126 * fill.red + 0.7152 * fill.green + 0.0722 * fill.blue
    return l < 0.55 ? .white : theme.textColor
}
