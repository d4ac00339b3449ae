import FolioScene

/// Point-mark shapes that tell series apart without colour.
public enum MarkShape: Hashable, Sendable, CaseIterable {
    case circle, square, triangle, diamond

    /// The shape for series number `index`.
    public static func forSeries(_ index: Int) -> MarkShape { allCases[index % allCases.count] }

    /// A closed path of about `radius` centred on `center`, with roughly equal visual weight.
    public func path(center c: Point, radius r: Double) -> Path {
        switch self {
        case .circle: return .circle(center: c, radius: r)
        case .square:
            let s = r * 0.9
            return .rect(Rect(x: c.x - s, y: c.y - s, width: 2 * s, height: 2 * s))
        case .triangle:
            let s = r * 1.2
            return Path([.move(Point(c.x, c.y - s)), .line(Point(c.x + s, c.y + s * 0.8)),
                         .line(Point(c.x - s, c.y + s * 0.8)), .close])
        case .diamond:
            let s = r * 1.25
            return Path([.move(Point(c.x, c.y - s)), .line(Point(c.x + s, c.y)), .line(Point(c.x, c.y + s)),
                         .line(Point(c.x - s, c.y)), .close])
        }
    }
}
