import CCairo
import CPango
import FolioScene

/// A plain-text item shaped once by Pango and kept as positioned glyphs, so every later drawing
/// (PNG, chart PDF, the briefing PDF, each process lane) replays them with `cairo_show_text_glyphs`
/// instead of shaping the text again, and the SVG writer gets each line's text and extent.
///
/// Positions are in points relative to the text box's top-left, as `pango_cairo_show_layout`
/// would draw them. The glyphs' fonts are cairo scaled fonts, retained here; cairo's scaled fonts
/// are thread-safe, so a shaped text can be drawn on any thread without a Pango context.
final class ShapedText: @unchecked Sendable {
    /// A line of the layout: its text (trailing spaces dropped), where its first glyph starts,
    /// its baseline, and the advance from that start to the end of its last visible glyph.
    struct Line {
        var text: String
        var x: Double
        var baseline: Double
        var advance: Double
        /// Pango's logical width of the line, in Pango units (for `placed(inWidth:alignment:)`).
        var logicalWidth: Int32
    }

    /// Consecutive glyphs in one font, with their UTF-8 text and clusters for PDF text extraction.
    struct Run {
        let font: OpaquePointer
        var glyphs: [cairo_glyph_t]
        var utf8: [CChar]
        var clusters: [cairo_text_cluster_t]
        /// The index of its line in `lines`.
        var line: Int
    }

    let metrics: TextMetrics
    let lines: [Line]
    let runs: [Run]

    private init(metrics: TextMetrics, lines: [Line], runs: [Run]) {
        self.metrics = metrics; self.lines = lines; self.runs = runs
    }

    deinit {
        for run in runs { cairo_scaled_font_destroy(run.font) }
    }

    /// This text, shaped with no width and leading alignment, as Pango would lay it out in a box
    /// `width` points wide with `alignment`, or nil when a line could break there: when every
    /// line fits with a point to spare, Pango shapes the same glyphs and only moves each line
    /// (by `get_x_offset`'s arithmetic, in Pango units). Chart layout asks for the same label in
    /// boxes of several widths and alignments while it solves a chart; this shapes it once.
    func placed(inWidth width: Double, alignment: TextAlignment) -> ShapedText? {
        let box = Int32((max(1, width) * PangoLayoutBuilder.scale).rounded())
        guard lines.allSatisfy({ $0.logicalWidth + PANGO_SCALE <= box }) else { return nil }
        let offsets = lines.map { line -> Int32 in
            switch alignment {
            case .leading: return 0
            case .trailing: return box - line.logicalWidth
            case .center:
                let offset = (box - line.logicalWidth) / 2
                // Pango rounds a centred line to a whole point when both widths are whole points.
                return (box | line.logicalWidth) & (PANGO_SCALE - 1) == 0 ? (offset + PANGO_SCALE / 2) & ~(PANGO_SCALE - 1) : offset
            }
        }
        let scale = PangoLayoutBuilder.scale
        let moved = zip(lines, offsets).map { line, offset in
            var line = line
            line.x += Double(offset) / scale
            return line
        }
        let movedRuns = runs.map { run in
            var run = run
            let dx = Double(offsets[run.line]) / scale
            for g in run.glyphs.indices { run.glyphs[g].x += dx }
            _ = cairo_scaled_font_reference(run.font)
            return run
        }
        return ShapedText(metrics: metrics, lines: moved, runs: movedRuns)
    }

    /// Shapes `layout` (built from a plain-text item) into glyph runs and lines.
    static func make(from layout: OpaquePointer) -> ShapedText {
        let metrics = PangoLayoutBuilder.metrics(of: layout)
        let scale = PangoLayoutBuilder.scale
        let text = Array(UnsafeBufferPointer(start: pango_layout_get_text(layout), count: Int(strlen(pango_layout_get_text(layout)))))
        var lines: [Line] = []
        var runs: [Run] = []
        guard let iter = pango_layout_get_iter(layout) else { return ShapedText(metrics: metrics, lines: [], runs: []) }
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale
            var lineExtents = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &lineExtents)
            // Where the line's visible glyphs start and end, in Pango units.
            var ink = InkSpan(end: Double(lineExtents.x))
            var x = Double(lineExtents.x)
            // Runs of this line, left to right.
            var runList = line.pointee.runs
            while let node = runList {
                runList = node.pointee.next
                guard let item = node.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self).pointee,
                      var run = Self.run(item, text: text, x: &x, baseline: baseline, ink: &ink) else { continue }
                run.line = lines.count
                runs.append(run)
            }
            let lineStart = Int(line.pointee.start_index), lineLength = Int(line.pointee.length)
            var bytes = Array(text[lineStart..<lineStart + lineLength])
            while let last = bytes.last, last == 0x20 || last == 0x0A || last == 0x09 { bytes.removeLast() }
            let lineText = String(decoding: bytes.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let x0 = (ink.start ?? Double(lineExtents.x)) / scale
            lines.append(Line(text: lineText, x: x0, baseline: baseline, advance: max(0, ink.end / scale - x0),
                              logicalWidth: lineExtents.width))
        } while pango_layout_iter_next_line(iter) != 0
        return ShapedText(metrics: metrics, lines: lines, runs: runs)
    }

    /// The horizontal extent of a line's visible (non-space) glyphs, in Pango units.
    private struct InkSpan {
        var start: Double?
        var end: Double
    }

    /// One Pango glyph item as a run: its font, glyphs placed from `x` (advanced past them) on
    /// `baseline`, and its text and clusters; widens `ink` over its visible glyphs.
    private static func run(_ item: PangoGlyphItem, text: [CChar], x: inout Double, baseline: Double,
                            ink: inout InkSpan) -> Run? {
        guard let glyphString = item.glyphs?.pointee, let pangoItem = item.item?.pointee,
              let font = pangoItem.analysis.font,
              let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)),
              cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS else { return nil }
        let scale = PangoLayoutBuilder.scale
        let offset = Int(pangoItem.offset), length = Int(pangoItem.length)
        var run = Run(font: cairo_scaled_font_reference(scaled), glyphs: [], utf8: Array(text[offset..<offset + length]),
                      clusters: [], line: 0)
        run.glyphs.reserveCapacity(Int(glyphString.num_glyphs))
        var clusterStart = -1
        for g in 0..<Int(glyphString.num_glyphs) {
            let info = glyphString.glyphs[g]
            let cluster = Int(glyphString.log_clusters[g])
            let gx = x + Double(info.geometry.x_offset)
            let advance = Double(info.geometry.width)
            if cluster != clusterStart {
                // A new cluster: close the previous one's byte count.
                if let last = run.clusters.indices.last { run.clusters[last].num_bytes = Int32(cluster - clusterStart) }
                run.clusters.append(cairo_text_cluster_t(num_bytes: 0, num_glyphs: 0))
                clusterStart = cluster
            }
            if info.glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0 && info.glyph != PANGO_GLYPH_EMPTY {
                run.glyphs.append(cairo_glyph_t(index: UInt(info.glyph), x: gx / scale,
                                                y: baseline + Double(info.geometry.y_offset + item.y_offset) / scale))
                run.clusters[run.clusters.count - 1].num_glyphs += 1
                let byte = run.utf8[cluster]
                if byte != 0x20 && byte != 0x09 && byte != 0x0A {
                    if ink.start == nil { ink.start = gx }
                    ink.end = x + advance
                }
            }
            x += advance
        }
        if let last = run.clusters.indices.last { run.clusters[last].num_bytes = Int32(length - clusterStart) }
        run.clusters = merged(run.clusters)
        return run
    }

    /// Clusters cairo accepts: a cluster without glyphs is merged into the one after it (or
    /// before it, at the end), so none has zero glyphs while covering bytes.
    private static func merged(_ clusters: [cairo_text_cluster_t]) -> [cairo_text_cluster_t] {
        guard clusters.contains(where: { $0.num_glyphs == 0 }) else { return clusters }
        var out: [cairo_text_cluster_t] = []
        var carry: Int32 = 0
        for c in clusters {
            if c.num_glyphs == 0 { carry += c.num_bytes; continue }
            out.append(cairo_text_cluster_t(num_bytes: c.num_bytes + carry, num_glyphs: c.num_glyphs))
            carry = 0
        }
        if carry > 0, !out.isEmpty { out[out.count - 1].num_bytes += carry }
        return out
    }

    /// Draws the glyphs at the context's current origin in its current source colour.
    func draw(on cr: OpaquePointer) {
        for run in runs where !run.glyphs.isEmpty {
            cairo_set_scaled_font(cr, run.font)
            run.glyphs.withUnsafeBufferPointer { glyphs in
                run.clusters.withUnsafeBufferPointer { clusters in
                    run.utf8.withUnsafeBufferPointer { utf8 in
                        cairo_show_text_glyphs(cr, utf8.baseAddress, Int32(utf8.count), glyphs.baseAddress, Int32(glyphs.count),
                                               clusters.baseAddress, Int32(clusters.count), cairo_text_cluster_flags_t(0))
                    }
                }
            }
        }
    }
}
