import FolioScene

/// A text of a scene with its box on the canvas (placements of enclosing groups applied).
public struct PlacedText: Hashable, Sendable {
    public var item: TextItem
    public var box: Rect
    public var string: String {
        switch item.content { case .plain(let s), .markup(let s): return s }
    }
}

/// Walks a scene and finds every text with its measured box, for layout checks in tests.
public enum SceneTexts {
    /// Every text of `scene` in drawing order, its box measured with `measurer`.
    public static func placed(in scene: Scene, measurer: any TextMeasurer) -> [PlacedText] {
        var out: [PlacedText] = []
        walk(scene.items, offset: .zero, scale: 1, measurer: measurer, into: &out)
        return out
    }

    /// Pairs of texts whose boxes intersect (shrunk by `tolerance` on each side).
    public static func overlaps(in scene: Scene, measurer: any TextMeasurer, tolerance: Double = 0.01) -> [(PlacedText, PlacedText)] {
        let texts = placed(in: scene, measurer: measurer)
        var pairs: [(PlacedText, PlacedText)] = []
        for i in texts.indices {
            for j in texts.indices where j > i {
                let a = texts[i].box.insetBy(tolerance), b = texts[j].box.insetBy(tolerance)
                if a.intersects(b) { pairs.append((texts[i], texts[j])) }
            }
        }
        return pairs
    }

    /// Texts a dashed line (a reference line, such as a median) runs through: each text with
    /// the line's two ends. Gridlines are solid and may pass behind texts; reference lines may not.
    public static func crossings(in scene: Scene, measurer: any TextMeasurer)
        -> [(text: PlacedText, from: Point, to: Point)] {
        let texts = placed(in: scene, measurer: measurer)
        var result: [(PlacedText, Point, Point)] = []
        for (a, b, width) in dashedSegments(scene.items, offset: .zero, scale: 1) {
            // The line's own width counts: a box it grazes is crossed.
            for t in texts where segment(a, b, crosses: t.box.insetBy(-width / 2)) { result.append((t, a, b)) }
        }
        return result
    }

    /// The straight pieces of every dashed stroke, on the canvas, with the stroke's width.
    private static func dashedSegments(_ items: [SceneItem], offset: Point, scale: Double) -> [(Point, Point, Double)] {
        var out: [(Point, Point, Double)] = []
        func place(_ p: Point) -> Point { Point(offset.x + p.x * scale, offset.y + p.y * scale) }
        for item in items {
            switch item {
            case .stroke(let path, let style) where !style.dash.isEmpty:
                var last: Point?
                for e in path.elements {
                    switch e {
                    case .move(let p): last = place(p)
                    case .line(let p):
                        if let l = last { out.append((l, place(p), style.width * scale)) }
                        last = place(p)
                    case .curve(_, _, let p): last = place(p)
                    case .close: last = nil
                    }
                }
            case .group(let p, _, let children):
                out += dashedSegments(children, offset: place(p.offset), scale: scale * p.scale)
            default: break
            }
        }
        return out
    }

    /// Whether the segment from `a` to `b` passes through `box` (Liang–Barsky clipping).
    private static func segment(_ a: Point, _ b: Point, crosses box: Rect) -> Bool {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x - box.minX), (dx, box.maxX - a.x), (-dy, a.y - box.minY), (dy, box.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }  // parallel to this edge and outside it
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }

    /// Texts not wholly inside the canvas.
    public static func outside(in scene: Scene, measurer: any TextMeasurer) -> [PlacedText] {
        let canvas = Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height)
        return placed(in: scene, measurer: measurer).filter { !canvas.contains($0.box) }
    }

    private static func walk(_ items: [SceneItem], offset: Point, scale: Double, measurer: any TextMeasurer,
                             into out: inout [PlacedText]) {
        for item in items {
            switch item {
            case .text(let t):
                let b = TextGeometry.box(of: t, metrics: measurer.measure(t))
                let r = Rect(x: offset.x + b.minX * scale, y: offset.y + b.minY * scale,
                             width: b.width * scale, height: b.height * scale)
                out.append(PlacedText(item: t, box: r))
            case .group(let p, _, let children):
                walk(children, offset: Point(offset.x + p.offset.x * scale, offset.y + p.offset.y * scale),
                     scale: scale * p.scale, measurer: measurer, into: &out)
            default: break
            }
        }
    }
}

extension Rect {
    func insetBy(_ d: Double) -> Rect {
        Rect(x: minX + d, y: minY + d, width: max(0, width - 2 * d), height: max(0, height - 2 * d))
    }
}
