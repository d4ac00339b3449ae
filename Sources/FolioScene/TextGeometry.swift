import Foundation

/// Where a text item's logical box lands on the canvas, given its measured metrics: the same
/// rules a renderer follows (alignment inside the wrap width, or about `origin.x`; rotation
/// counter-clockwise about `origin`).
public enum TextGeometry {
    /// How far right of `origin.x` a one-line item (no wrap width) of `width` starts: 0, or
    /// minus half or all of its width when `origin.x` names its middle or right end. Wrapped
    /// items are aligned inside their width by the text engine: 0.
    public static func lineOffset(of item: TextItem, width: Double) -> Double {
        guard item.width == nil else { return 0 }
        switch item.alignment {
        case .leading: return 0
        case .center: return -width / 2
        case .trailing: return -width
        }
    }

    /// The axis-aligned box of `item` (after rotation, the bounding box of the rotated box).
    public static func box(of item: TextItem, metrics: TextMetrics) -> Rect {
        let w = metrics.width, h = metrics.height
        var x = item.origin.x
        if let wrap = item.width {
            switch item.alignment {
            case .leading: break
            case .center: x += (wrap - w) / 2
            case .trailing: x += wrap - w
            }
        } else {
            x += lineOffset(of: item, width: w)
        }
        let r = Rect(x: x, y: item.origin.y, width: w, height: h)
        guard item.rotation != 0 else { return r }
        let a = item.rotation * .pi / 180, c = cos(a), s = sin(a)
        let o = item.origin
        let corners = [Point(r.minX, r.minY), Point(r.maxX, r.minY), Point(r.maxX, r.maxY), Point(r.minX, r.maxY)]
            .map { p -> Point in
                let dx = p.x - o.x, dy = p.y - o.y
                return Point(o.x + dx * c + dy * s, o.y - dx * s + dy * c)
            }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let minX = xs.min() ?? o.x, minY = ys.min() ?? o.y
        return Rect(x: minX, y: minY, width: (xs.max() ?? minX) - minX, height: (ys.max() ?? minY) - minY)
    }
}
