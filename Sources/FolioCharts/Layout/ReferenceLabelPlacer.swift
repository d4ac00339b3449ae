import FolioScene

/// Places reference-line labels above the plot in stacked lanes, each label beside the top of its
/// own line (left of it, else right of it, else over it, the line then starting below its label),
/// so that no label collides with another label and no line runs through a label.
struct ReferenceLabelPlacer: Sendable {
    let text: TextKit

    struct Placed { var item: TextItem; var box: Rect; var lineX: Double; var lane: Int; var lineTop: Double }

    /// - Parameters:
    ///   - labels: label text and the x of its line. `span`: where labels may go horizontally.
    ///   - top: y of the highest lane. Returns the labels (lines start at `lineTop`) and the lanes' height.
    func place(_ labels: [(String, Double)], span: ClosedRange<Double>, top: Double) -> (placed: [Placed], height: Double) {
        guard !labels.isEmpty else { return ([], 0) }
        let theme = text.theme, font = theme.font(theme.labelSize)
        struct Slot {
            var left: Double; var width: Double; var lane: Int; var x: Double; var label: String; var align: TextAlignment
            /// The label sits over its own line, which starts below it.
            var over = false
        }
        // Try placing left-to-right and right-to-left; keep the order that needs fewer fallbacks, then fewer lanes.
        func assign(_ ordered: [(String, Double)]) -> (slots: [Slot], fallbacks: Int) {
        var slots: [Slot] = [], fallbacks = 0
        for (label, x) in ordered {
            let w = min(text.size(label, font).width, span.upperBound - span.lowerBound)
            func fits(_ left: Double) -> Bool { left >= span.lowerBound - 1e-9 && left + w <= span.upperBound + 1e-9 }
            // Beside the line in any lane before over it: a label over its line reads as the
            // label of the line it starts beside.
            let beside = [x - 3 - w, x + 3].filter(fits)
            let over = [min(max(x - w / 2, span.lowerBound), span.upperBound - w)].filter(fits)
            let lefts = beside + over
            var chosen: Slot?
            search: for options in [beside, over] {
                for lane in 0..<max(1, labels.count) {
                    for left in options {
                        let clash = slots.contains { s in
                            // Same lane: boxes must keep apart.
                            (s.lane == lane && s.left < left + w + 6 && left < s.left + s.width + 6)
                            // A line reaching this lane (its label at this lane or higher) must miss this box.
                            || (s.lane >= lane && s.x > left - 2 && s.x < left + w + 2)
                            // This line, reaching lower lanes, must miss their labels.
                            || (s.lane < lane && x > s.left - 2 && x < s.left + s.width + 2)
                        }
                        if !clash {
                            chosen = Slot(left: left, width: w, lane: lane, x: x, label: label,
                                          align: left >= x ? .leading : .trailing, over: left < x && x < left + w)
                            break search
                        }
                    }
                }
            }
            let fallbackLane = (slots.map(\.lane).max() ?? -1) + 1
            if chosen == nil { fallbacks += 1 }
            slots.append(chosen ?? Slot(left: lefts.last ?? span.lowerBound, width: w, lane: fallbackLane, x: x, label: label,
                                        align: .leading, over: lefts.last.map { x >= $0 && x <= $0 + w } ?? true))
        }
        return (slots, fallbacks)
        }
        let a = assign(labels.sorted { $0.1 < $1.1 }), b = assign(labels.sorted { $0.1 > $1.1 })
        func lanes(_ r: (slots: [Slot], fallbacks: Int)) -> Int { r.slots.map(\.lane).max() ?? 0 }
        let slots = (a.fallbacks, lanes(a)) <= (b.fallbacks, lanes(b)) ? a.slots : b.slots
        let laneHeight = text.size("Ag", font).height
        let count = (slots.map(\.lane).max() ?? 0) + 1
        let placed = slots.map { s -> Placed in
            let y = top + Double(count - 1 - s.lane) * laneHeight
            let natural = text.size(s.label, font).width
            let item = text.item(s.label, font: font, color: theme.referenceColor, at: Point(s.left, y),
                                 width: natural > s.width ? s.width : nil)
            let box = text.box(item)
            return Placed(item: item, box: box, lineX: s.x, lane: s.lane, lineTop: s.over ? box.maxY + 1 : y + 1)
        }
        return (placed, Double(count) * laneHeight)
    }
}
