import FolioCharts
import FolioScene

/// Lays a report out on pages (`PagedDocument`) for the PDF renderer: title block, body,
/// figures, running header, `Page N of M` footer, destinations, links and outline.
///
/// Page breaking: headings stay with the block after them, figures, paragraphs, list items,
/// table rows and callouts never split. A single block taller than the text area starts a new
/// page and is clipped there (a known limit: such a paragraph is not split across pages).
public struct PDFLayout: Sendable {
    public var measurer: any TextMeasurer
    public var chartEngine: ChartLayoutEngine
    public var style: PDFStyle

    /// - Parameter chartEngine: lays out figures; defaults to a standard engine over `measurer`.
    public init(measurer: any TextMeasurer, chartEngine: ChartLayoutEngine? = nil, style: PDFStyle = .standard) {
        self.measurer = measurer
        self.chartEngine = chartEngine ?? ChartLayoutEngine(measurer: measurer)
        self.style = style
    }

    /// The document; `date` is the deterministic `YYYY-MM-DDThh:mm:ss` stamp for the metadata.
    /// Throws what the chart engine throws for a figure.
    public func layout(_ report: Report, date: String) throws -> PagedDocument {
        let page = report.paper.size
        let m = style.margin
        let content = Rect(x: m, y: m, width: page.width - 2 * m, height: page.height - 2 * m)
        var outline: [OutlineEntry] = []
        var boxes: [LayoutBox] = []
        for block in report.blocks {
            boxes += try self.boxes(block, x: content.minX, width: content.width, content: content, outline: &outline)
        }
        boxes += noteBoxes(report.notes, x: content.minX, width: content.width, outline: &outline)
        var (titleItems, titleBottom) = titleBlock(report, content: content)
        if !report.keyFigures.isEmpty {
            let (items, bottom) = keyFigureRow(report.keyFigures, top: titleBottom, x: content.minX, width: content.width)
            titleItems += items
            titleBottom = bottom
        }
        let pages = Paginator(content: content).paginate(boxes, firstPage: titleItems, firstTop: titleBottom)
        let scenes = pages.enumerated().map { n, items in
            Scene(size: page, background: .white,
                  items: items + furniture(page: n + 1, of: pages.count, title: report.title, size: page, content: content))
        }
        return PagedDocument(pages: scenes, metadata: report.metadata(date: date), outline: outline)
    }

    // MARK: Page furniture

    private func titleBlock(_ report: Report, content: Rect) -> ([SceneItem], Double) {
        var items: [SceneItem] = []
        var y = content.minY
        func add(_ text: String, _ font: FontSpec, _ color: Color, gap: Double, role: StructureElement.Role) {
            let item = TextItem(.plain(text), font: font, color: color, origin: Point(content.minX, y), width: content.width)
            items += [.beginStructure(StructureElement(role)), .text(item), .endStructure]
            y += measurer.measure(item).height + gap
        }
        add(report.title, style.font(style.titleSize, .bold), style.textColor, gap: 6, role: .heading1)
        if let s = report.subtitle, !s.isEmpty {
            add(s, style.font(style.subtitleSize), style.mutedColor, gap: 6, role: .paragraph)
        }
        let byline = [report.date, report.author].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        if !byline.isEmpty { add(byline, style.font(style.bylineSize), style.mutedColor, gap: 4, role: .paragraph) }
        y += 4
        items.append(.stroke(.line(Point(content.minX, y), Point(content.maxX, y)),
                             StrokeStyle(color: style.ruleColor, width: 0.75)))
        return (items, y + 14)
    }

    /// Running header (pages after the first) and centred `Page N of M` footer.
    private func furniture(page n: Int, of count: Int, title: String, size: Size, content: Rect) -> [SceneItem] {
        var items: [SceneItem] = []
        if n > 1 {
            let headerFont = style.font(style.runningHeaderSize)
            let line = measurer.measure(TextItem(.plain("Ag"), font: headerFont, origin: .zero)).height
            let ruleY = content.minY - 12
            items.append(.text(TextItem(.plain(title), font: headerFont, color: style.mutedColor,
                                        origin: Point(content.minX, ruleY - 4 - line), width: content.width)))
            items.append(.stroke(.line(Point(content.minX, ruleY), Point(content.maxX, ruleY)),
                                 StrokeStyle(color: style.ruleColor, width: 0.5)))
        }
        items.append(.text(TextItem(.plain("Page \(n) of \(count)"), font: style.font(style.footerSize),
                                    color: style.mutedColor, origin: Point(size.width / 2, content.maxY + 20),
                                    alignment: .center)))
        return items
    }

    // MARK: Blocks

    private func boxes(_ block: Block, x: Double, width: Double, content: Rect,
                       outline: inout [OutlineEntry]) throws -> [LayoutBox] {
        switch block {
        case .heading(let h):
            if h.level <= 3 { outline.append(OutlineEntry(title: h.content.plainText, level: h.level, destination: h.anchor)) }
            let weight: FontSpec.Weight = h.level == 1 ? .bold : .semibold
            var box = textBox(h.content, font: style.font(style.headingSize(h.level), weight), x: x, width: width,
                              spaceBefore: style.headingSpace(h.level), after: 4, lineSpacing: 0.1,
                              role: .heading(h.level))
            box.keepWithNext = true
            let draw = box.draw
            box.draw = { top in [.destination(name: h.anchor, at: Point(x, top))] + draw(top) }
            return [box]
        case .paragraph(let inlines):
            return [textBox(inlines, font: style.font(style.bodySize), x: x, width: width,
                            spaceBefore: style.paragraphSpacing)]
        case .list(let list):
            return try listBoxes(list, x: x, width: width, content: content, outline: &outline)
        case .table(let table):
            return Self.enclosed(tableBoxes(table, x: x, width: width), in: StructureElement(.table))
        case .figure(let figure):
            var box = try figureBox(figure, x: x, width: width, content: content)
            box.floats = true
            return [box]
        case .tableFigure(let figure):
            return tableFigureBoxes(figure, x: x, width: width)
        case .callout(let blocks):
            return [try calloutBox(blocks, x: x, width: width, content: content, outline: &outline)]
        case .codeBlock(let code):
            let pad = 6.0
            let item = TextItem(.markup("<tt>" + PangoMarkup.escape(code) + "</tt>"), font: style.font(style.codeSize),
                                color: style.textColor, origin: Point(x + pad, 0), width: width - 2 * pad)
            let h = measurer.measure(item).height + 2 * pad
            let fill = style.codeFill
            return [LayoutBox(height: h, spaceBefore: style.paragraphSpacing) { top in
                var t = item
                t.origin.y = top + pad
                return [.beginStructure(StructureElement(.code)),
                        .fill(.rect(Rect(x: x, y: top, width: width, height: h)), fill), .text(t), .endStructure]
            }]
        case .thematicBreak:
            let color = style.ruleColor
            return [LayoutBox(height: 12, spaceBefore: style.paragraphSpacing) { top in
                [.stroke(.line(Point(x, top + 6), Point(x + width, top + 6)), StrokeStyle(color: color, width: 0.75))]
            }]
        }
    }

    /// A wrapped markup text block, with a link rectangle over every line each link covers.
    private func textBox(_ inlines: [Inline], font: FontSpec, x: Double, width: Double, spaceBefore: Double,
                         after: Double = 0, lineSpacing: Double? = nil, color: Color? = nil,
                         alignment: TextAlignment = .leading, role: StructureElement.Role = .paragraph) -> LayoutBox {
        let markup = PangoMarkup.build(inlines, linkColor: style.linkColor)
        let item = TextItem(.markup(markup.markup), font: font, color: color ?? style.textColor, origin: Point(x, 0),
                            width: width, alignment: alignment, lineSpacing: lineSpacing ?? style.bodyLineSpacing)
        let metrics = measurer.measure(item)
        var linkRects: [(Rect, PangoMarkup.LinkSpan.Target)] = []
        for link in markup.links {
            // Exact areas from the text engine, one per line the link crosses.
            let spans = measurer.spanRects(item, fromMarkupPrefix: link.before, toMarkupPrefix: link.through)
            linkRects += spans.map { (Rect(x: x + $0.minX, y: $0.minY, width: $0.width, height: $0.height), link.target) }
        }
        if linkRects.isEmpty, alignment == .leading, !markup.links.isEmpty {
            // A measurer without span support: links that end on the first line, by width.
            var line = item
            line.width = nil
            func lineWidth(_ m: String) -> Double { line.content = .markup(m); return measurer.measure(line).width }
            let lineHeight = metrics.lineCount > 0 ? metrics.height / Double(metrics.lineCount) : metrics.height
            for link in markup.links {
                let end = lineWidth(link.through)
                guard end <= width, !link.through.contains("\n") else { continue }
                let start = lineWidth(link.before)
                linkRects.append((Rect(x: x + start, y: 0, width: end - start, height: lineHeight), link.target))
            }
        }
        return LayoutBox(height: metrics.height + after, spaceBefore: spaceBefore) { top in
            var t = item
            t.origin.y = top
            // Cairo 1.16 marks no content of an element that has child elements, and each link
            // is one: with links, the text goes in a Span beside them.
            var items: [SceneItem] = [.beginStructure(StructureElement(role))]
            items += linkRects.isEmpty ? [.text(t)] : [.beginStructure(StructureElement(.span)), .text(t), .endStructure]
            for (rect, target) in linkRects {
                let r = Rect(x: rect.minX, y: top + rect.minY, width: rect.width, height: rect.height)
                switch target {
                case .uri(let uri): items.append(.link(r, uri: uri))
                case .destination(let d): items.append(.internalLink(r, destination: d))
                }
            }
            return items + [.endStructure]
        }
    }

    private func listBoxes(_ list: ListBlock, x: Double, width: Double, content: Rect,
                           outline: inout [OutlineEntry]) throws -> [LayoutBox] {
        var result: [LayoutBox] = []
        let indent = style.listIndent + (list.ordered && list.items.count + list.start > 10 ? 6 : 0)
        for (k, item) in list.items.enumerated() {
            var itemBoxes: [LayoutBox] = []
            for block in item {
                itemBoxes += try boxes(block, x: x + indent, width: width - indent, content: content, outline: &outline)
            }
            guard !itemBoxes.isEmpty else { continue }
            // Items sit closer together than paragraphs; the marker hangs in the indent.
            itemBoxes[0].spaceBefore = k == 0 ? style.paragraphSpacing : style.listItemSpacing
            let marker = TextItem(.plain(list.ordered ? "\(list.start + k)." : "•"), font: style.font(style.bodySize),
                                  color: style.textColor, origin: Point(x, 0), width: indent - 4,
                                  alignment: list.ordered ? .trailing : .leading)
            itemBoxes = Self.enclosed(itemBoxes, in: StructureElement(.listBody))
            let draw = itemBoxes[0].draw
            itemBoxes[0].draw = { top in
                var m = marker
                m.origin.y = top
                return [.beginStructure(StructureElement(.label)), .text(m), .endStructure] + draw(top)
            }
            result += Self.enclosed(itemBoxes, in: StructureElement(.listItem))
        }
        return Self.enclosed(result, in: StructureElement(.list))
    }

    /// `boxes` with `element` opened at the first element of the first box and closed after the last box.
    static func enclosed(_ boxes: [LayoutBox], in element: StructureElement) -> [LayoutBox] {
        guard !boxes.isEmpty else { return boxes }
        var result = boxes
        let first = result[0].draw
        result[0].draw = { top in first(top).opening(element) }
        let last = result[result.count - 1].draw
        result[result.count - 1].draw = { top in last(top) + [.endStructure] }
        return result
    }

    private func figureBox(_ figure: Figure, x: Double, width: Double, content: Rect) throws -> LayoutBox {
        let scene = try chartEngine.layout(figure.chart)
        var captionInlines: [Inline] = [.strong([.text("Figure \(figure.number).")]), .text(" ")]
        captionInlines += figure.caption
        let caption = TextItem(.markup(PangoMarkup.build(captionInlines, linkColor: style.linkColor).markup),
                               font: style.font(style.captionSize), color: style.mutedColor, origin: Point(x, 0),
                               width: width, lineSpacing: 0.15)
        let captionHeight = measurer.measure(caption).height
        let gap = 6.0
        // Scale to the text width, or smaller if the figure would not fit on one page.
        let maxChartHeight = content.height - captionHeight - gap
        let scale = max(0.01, min(width / max(scene.size.width, 1), maxChartHeight / max(scene.size.height, 1)))
        let chartWidth = scene.size.width * scale, chartHeight = scene.size.height * scale
        let left = x + (width - chartWidth) / 2
        return LayoutBox(height: chartHeight + gap + captionHeight, spaceBefore: 12) { top in
            var items: [SceneItem] = [.destination(name: figure.anchor, at: Point(x, top))]
            var chartItems = scene.items
            if let bg = scene.background {
                chartItems.insert(.fill(.rect(Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height)), bg), at: 0)
            }
            items.append(.beginStructure(StructureElement(.figure, alternativeText: figure.chart.altText)))
            items.append(.group(Placement(offset: Point(left, top), scale: scale), clip: nil, items: chartItems))
            items.append(.endStructure)
            var c = caption
            c.origin.y = top + chartHeight + gap
            items += [.beginStructure(StructureElement(.caption)), .text(c), .endStructure]
            return items
        }
    }

    private func calloutBox(_ blocks: [Block], x: Double, width: Double, content: Rect,
                            outline: inout [OutlineEntry]) throws -> LayoutBox {
        let pad = style.calloutPadding, bar = 3.0
        var inner: [LayoutBox] = []
        for block in blocks {
            inner += try boxes(block, x: x + bar + pad, width: width - bar - 2 * pad, content: content, outline: &outline)
        }
        var offsets: [Double] = []
        var y = pad
        for (k, b) in inner.enumerated() {
            y += k == 0 ? 0 : b.spaceBefore
            offsets.append(y)
            y += b.height
        }
        let height = y + pad
        let fill = style.calloutFill, barColor = style.calloutBar
        return LayoutBox(height: height, spaceBefore: style.paragraphSpacing + 2) { top in
            var items: [SceneItem] = [
                .fill(.rect(Rect(x: x, y: top, width: width, height: height)), fill),
                .fill(.rect(Rect(x: x, y: top, width: bar, height: height)), barColor),
                .beginStructure(StructureElement(.division)),
            ]
            for (b, off) in zip(inner, offsets) { items += b.draw(top + off) }
            return items + [.endStructure]
        }
    }

    // MARK: Key figures, tables, notes

    /// Rows of up to four tinted boxes: the number large in the accent colour, its label beneath.
    private func keyFigureRow(_ figures: [KeyFigure], top: Double, x: Double, width: Double) -> ([SceneItem], Double) {
        let perRow = figures.count == 4 || figures.count > 5 ? 4 : min(3, figures.count)
        let gap = style.keyFigureGap, pad = 8.0
        let boxWidth = (width - gap * Double(perRow - 1)) / Double(perRow)
        var items: [SceneItem] = []
        var y = top
        for start in stride(from: 0, to: figures.count, by: perRow) {
            let row = Array(figures[start..<min(start + perRow, figures.count)])
            let texts = row.enumerated().map { k, kf -> (TextItem, TextItem) in
                let left = x + Double(k) * (boxWidth + gap) + pad
                let sup = kf.notes.isEmpty ? "" : "<sup>" + kf.notes.map(String.init).joined(separator: ",") + "</sup>"
                let value = TextItem(.markup(PangoMarkup.escape(kf.value) + sup),
                                     font: style.font(style.keyFigureValueSize, .semibold, tabular: true),
                                     color: style.accentColor, origin: Point(left, y + pad), width: boxWidth - 2 * pad)
                let label = TextItem(.plain(kf.label), font: style.font(style.keyFigureLabelSize),
                                     color: style.mutedColor, origin: Point(left, 0), width: boxWidth - 2 * pad,
                                     lineSpacing: 0.15)
                return (value, label)
            }
            let valueHeight = texts.map { measurer.measure($0.0).height }.max() ?? 0
            let labelHeight = texts.map { measurer.measure($0.1).height }.max() ?? 0
            let height = pad + valueHeight + 2 + labelHeight + pad
            for (k, pair) in texts.enumerated() {
                let left = x + Double(k) * (boxWidth + gap)
                items.append(.fill(.rect(Rect(x: left, y: y, width: boxWidth, height: height)), style.calloutFill))
                items.append(.fill(.rect(Rect(x: left, y: y, width: boxWidth, height: 2.5)), style.accentColor))
                var label = pair.1
                label.origin.y = y + pad + valueHeight + 2
                items += [.beginStructure(StructureElement(.listItem)), .text(pair.0), .text(label), .endStructure]
            }
            y += height + gap
        }
        return (items.opening(StructureElement(.list)) + [.endStructure], y - gap + 16)
    }

    /// "Table N." caption above (kept with the table), the rows, and the source line below.
    private func tableFigureBoxes(_ figure: TableFigure, x: Double, width: Double) -> [LayoutBox] {
        var captionInlines: [Inline] = [.strong([.text("Table \(figure.number).")]), .text(" ")]
        captionInlines += figure.caption
        var caption = textBox(captionInlines, font: style.font(style.captionSize), x: x, width: width,
                              spaceBefore: 12, lineSpacing: 0.15, color: style.mutedColor, role: .caption)
        caption.keepWithNext = true
        let draw = caption.draw
        caption.draw = { top in [.destination(name: figure.anchor, at: Point(x, top))] + draw(top) }
        var rows = tableBoxes(figure.block, x: x, width: width)
        if !rows.isEmpty { rows[0].spaceBefore = 4 }
        var result = Self.enclosed([caption] + rows, in: StructureElement(.table))
        if !figure.sourceLine.isEmpty {
            if !result.isEmpty { result[result.count - 1].keepWithNext = true }
            result.append(textBox([.text(figure.sourceLine)], font: style.font(style.noteSize), x: x, width: width,
                                  spaceBefore: 4, lineSpacing: 0.15, color: style.mutedColor))
        }
        return result
    }

    /// A "Notes" heading and the numbered notes, each a link destination `note-N`.
    private func noteBoxes(_ notes: [String], x: Double, width: Double, outline: inout [OutlineEntry]) -> [LayoutBox] {
        guard !notes.isEmpty else { return [] }
        outline.append(OutlineEntry(title: "Notes", level: 2, destination: "notes"))
        var heading = textBox([.text("Notes")], font: style.font(style.headingSize(2), .semibold), x: x, width: width,
                              spaceBefore: style.headingSpace(2), after: 4, lineSpacing: 0.1, role: .heading2)
        heading.keepWithNext = true
        let headingDraw = heading.draw
        heading.draw = { top in [.destination(name: "notes", at: Point(x, top))] + headingDraw(top) }
        var boxes = [heading]
        let indent = style.listIndent
        for (k, note) in notes.enumerated() {
            var box = textBox([.text(note)], font: style.font(style.noteSize), x: x + indent, width: width - indent,
                              spaceBefore: k == 0 ? 0 : style.listItemSpacing, lineSpacing: 0.15)
            let marker = TextItem(.plain("\(k + 1)."), font: style.font(style.noteSize), color: style.textColor,
                                  origin: Point(x, 0), width: indent - 4, alignment: .trailing)
            box = Self.enclosed([box], in: StructureElement(.listBody))[0]
            let draw = box.draw
            box.draw = { top in
                var m = marker
                m.origin.y = top
                return [.destination(name: "note-\(k + 1)", at: Point(x, top)),
                        .beginStructure(StructureElement(.label)), .text(m), .endStructure] + draw(top)
            }
            boxes += Self.enclosed([box], in: StructureElement(.listItem))
        }
        return [heading] + Self.enclosed(Array(boxes.dropFirst()), in: StructureElement(.list))
    }
}
