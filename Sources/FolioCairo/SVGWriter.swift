import FolioScene

/// Writes a scene as a compact SVG document with text kept as real `<text>` elements.
///
/// Cairo 1.16's SVG surface draws every glyph as an outline (a chart was ~100 KB, its text not
/// selectable or searchable, and drawing it took longer than the PNG). Here each line of text is
/// one `<text>` in Inter (with common fallbacks), placed at the baseline Pango laid it out on and
/// held to Pango's measured advance with `textLength`, so the chart keeps its layout even where
/// a viewer substitutes another font. Paths are written as `d` data with coordinates rounded to
/// 1/1000 pt; ids (clip paths only) are numbered in document order, so the same scene always
/// gives the same bytes.
struct SVGWriter {
    /// Lays plain text out into lines; the engine that measured the scene.
    let engine: PangoEngine
    private var out: [UInt8] = []
    private var defs: [UInt8] = []
    private var clipCount = 0

    /// The font stack, set once on the root element and inherited by every text element.
    static let fontFamily = "Inter, &apos;Helvetica Neue&apos;, Arial, sans-serif"

    init(engine: PangoEngine) { self.engine = engine }

    /// The SVG document for `scene`.
    mutating func write(_ scene: Scene) -> [UInt8] {
        out.reserveCapacity(16_384)
        let w = scene.size.width, h = scene.size.height
        put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        number(w); put("pt\" height=\""); number(h); put("pt\" viewBox=\"0 0 "); number(w); put(" "); number(h)
        put("\" version=\"1.1\" font-family=\"\(Self.fontFamily)\">\n")
        if let bg = scene.background {
            put("<rect width=\""); number(w); put("\" height=\""); number(h); put("\""); paint("fill", bg); put("/>\n")
        }
        items(scene.items)
        if !defs.isEmpty {
            put("<defs>\n"); out += defs; put("</defs>\n")
        }
        put("</svg>\n")
        return out
    }

    private mutating func items(_ list: [SceneItem]) {
        for item in list {
            switch item {
            case .fill(let path, let color):
                put("<path d=\""); pathData(path); put("\""); paint("fill", color); put("/>\n")
            case .stroke(let path, let style):
                put("<path d=\""); pathData(path); put("\" fill=\"none\""); paint("stroke", style.color)
                put(" stroke-width=\""); number(style.width); put("\"")
                if !style.dash.isEmpty {
                    put(" stroke-dasharray=\"")
                    for (i, d) in style.dash.enumerated() { if i > 0 { put(" ") }; number(d) }
                    put("\"")
                }
                put("/>\n")
            case .text(let t):
                text(t)
            case .group(let placement, let clip, let children):
                var opened = 0
                if let c = clip {
                    clipCount += 1
                    let id = "clip\(clipCount)"
                    defs += Array("<clipPath id=\"\(id)\"><rect x=\"".utf8); numberInto(&defs, c.minX)
                    defs += Array("\" y=\"".utf8); numberInto(&defs, c.minY)
                    defs += Array("\" width=\"".utf8); numberInto(&defs, c.width)
                    defs += Array("\" height=\"".utf8); numberInto(&defs, c.height)
                    defs += Array("\"/></clipPath>\n".utf8)
                    put("<g clip-path=\"url(#\(id))\">\n"); opened += 1
                }
                if placement.offset != .zero || placement.scale != 1 {
                    put("<g transform=\"translate("); number(placement.offset.x); put(" "); number(placement.offset.y); put(")")
                    if placement.scale != 1 { put(" scale("); number(placement.scale); put(")") }
                    put("\">\n"); opened += 1
                }
                items(children)
                for _ in 0..<opened { put("</g>\n") }
            case .link, .internalLink, .destination, .beginStructure, .endStructure:
                continue
            }
        }
    }

    private mutating func text(_ t: TextItem) {
        // Markup (used on pages, not in charts) is written as its plain text, without styling.
        let shaped = engine.shaped(t)
        let lines = shaped.lines, width = shaped.metrics.width
        let dx = TextGeometry.lineOffset(of: t, width: width)
        let rotated = t.rotation != 0
        for line in lines where !line.text.isEmpty {
            put("<text")
            if rotated {
                put(" transform=\"translate("); number(t.origin.x); put(" "); number(t.origin.y); put(") rotate(")
                number(-t.rotation); put(")\" x=\""); number(dx + line.x); put("\" y=\""); number(line.baseline)
            } else {
                put(" x=\""); number(t.origin.x + dx + line.x); put("\" y=\""); number(t.origin.y + line.baseline)
            }
            put("\" font-size=\""); number(t.font.size); put("\"")
            if t.font.weight != .regular { put(" font-weight=\"\(t.font.weight.rawValue)\"") }
            if t.font.italic { put(" font-style=\"italic\"") }
            if t.font.tabularFigures { put(" font-variant-numeric=\"tabular-nums\"") }
            paint("fill", t.color)
            put(" textLength=\""); number(line.advance); put("\" lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\">")
            escaped(line.text)
            put("</text>\n")
        }
    }

    private mutating func pathData(_ path: Path) {
        var first = true
        for e in path.elements {
            if !first { out.append(UInt8(ascii: " ")) }
            first = false
            switch e {
            case .move(let p): put("M"); point(p)
            case .line(let p): put("L"); point(p)
            case .curve(let a, let b, let c): put("C"); point(a); put(" "); point(b); put(" "); point(c)
            case .close: put("Z")
            }
        }
    }

    private mutating func point(_ p: Point) { number(p.x); out.append(UInt8(ascii: " ")); number(p.y) }

    private mutating func paint(_ attribute: String, _ c: Color) {
        put(" \(attribute)=\"\(c.hexString)\"")
        if c.alpha < 1 { put(" \(attribute)-opacity=\""); number(c.alpha); put("\"") }
    }

    private mutating func escaped(_ s: String) {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "&"): put("&amp;")
            case UInt8(ascii: "<"): put("&lt;")
            case UInt8(ascii: ">"): put("&gt;")
            default: out.append(b)
            }
        }
    }

    private mutating func put(_ s: String) { out += s.utf8 }
    private mutating func number(_ v: Double) { Self.numberInto(&out, v) }
    private func numberInto(_ buffer: inout [UInt8], _ v: Double) { Self.numberInto(&buffer, v) }

    /// Appends `v` rounded to three decimals, without trailing zeros or a negative zero
    /// (`12`, `0.5`, `-3.125`): shorter than `%.3f` and far cheaper than `String(format:)`.
    static func numberInto(_ buffer: inout [UInt8], _ v: Double) {
        guard v.isFinite else { buffer += Array("0".utf8); return }
        var milli = Int64((v * 1000).rounded())
        if milli < 0 { buffer.append(UInt8(ascii: "-")); milli = -milli }
        let whole = milli / 1000
        var fraction = milli % 1000
        buffer += String(whole).utf8
        guard fraction != 0 else { return }
        buffer.append(UInt8(ascii: "."))
        var digits = 3
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        for _ in 0..<(digits - text.count) { buffer.append(UInt8(ascii: "0")) }
        buffer += text.utf8
    }
}
