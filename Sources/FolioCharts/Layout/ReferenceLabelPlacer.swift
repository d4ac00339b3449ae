import FolioScene

/// Places reference-line labels in stacked lanes so that no two collide: each label is centred
/// on its line (clamped inside the allowed span) and goes in the first lane where it fits.
struct ReferenceLabelPlacer: Sendable {
    let text: TextKit

    struct Placed { var item: TextItem; var box: Rect; var lineX: Double; var lane: Int }

    /// - Parameters:
    ///   - labels: label text and the x of its line. `span`: where labels may go horizontally.
    ///   - top: y of the first lane. Returns the labels and the total height of the lanes.
    func place(_ labels: [(String, Double)], span: ClosedRange<Double>, top: Double) -> (placed: [Placed], height: Double) {
        let theme = text.theme, font = theme.font(theme.labelSize)
        var lanes: [[Rect]] = []
        var placed: [Placed] = []
        let laneHeight = text.size("Ag", font).height
        for (label, x) in labels.sorted(by: { $0.1 < $1.1 }) {
            let size = text.size(label, font)
            let w = min(size.width, span.upperBound - span.lowerBound)
            let left = min(max(x - w / 2, span.lowerBound), span.upperBound - w)
            var lane = 0
            while lane < lanes.count, lanes[lane].contains(where: { $0.minX < left + w + 6 && left < $0.maxX + 6 }) {
                lane += 1
            }
            if lane == lanes.count { lanes.append([]) }
            let y = top + Double(lane) * laneHeight
            let item = text.item(label, font: font, color: theme.referenceColor, at: Point(left, y),
                                 width: size.width > w ? w : nil)
            let box = text.box(item)
            lanes[lane].append(box)
            placed.append(Placed(item: item, box: box, lineX: x, lane: lane))
        }
        // Deeper lanes should sit nearer the plot: flip so lane 0 is the lowest.
        let count = lanes.count
        placed = placed.map { p in
            var p = p
            let y = top + Double(count - 1 - p.lane) * laneHeight
            p.item.origin.y = y; p.box.origin.y = y
            return p
        }
        return (placed, Double(count) * laneHeight)
    }
}
