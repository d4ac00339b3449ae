import FolioCharts

/// Writes a report as one self-contained HTML page: styles inline, charts as inline SVG with alt
/// text and a data table each, nothing fetched. Readable on a phone and a desktop, with a print
/// stylesheet. The same report and SVGs always give the same bytes.
public struct HTMLWriter: Sendable {
    /// Each chart's SVG document (as the chart renderer wrote it), by chart id.
    public var chartSVGs: [String: String]
    /// Each chart laid out again for phone screens (`ChartTheme.narrow`), by chart id: shown
    /// instead of the wide one below 30rem, so chart text stays readable there.
    public var narrowChartSVGs: [String: String]
    /// The document's date stamp (e.g. `2023-12-31T00:00:00`), written as metadata; never the clock.
    public var date: String?

    public init(chartSVGs: [String: String] = [:], narrowChartSVGs: [String: String] = [:], date: String? = nil) {
        self.chartSVGs = chartSVGs; self.narrowChartSVGs = narrowChartSVGs; self.date = date
    }

    /// The whole document, ending in one newline.
    public func write(_ report: Report) -> String {
        let context = Context()
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(escape(report.title))</title>\n"
        if let a = report.author, !a.isEmpty { out += "<meta name=\"author\" content=\"\(escape(a))\">\n" }
        if let s = report.subtitle, !s.isEmpty { out += "<meta name=\"description\" content=\"\(escape(s))\">\n" }
        if !report.keywords.isEmpty {
            out += "<meta name=\"keywords\" content=\"\(escape(report.keywords.joined(separator: ", ")))\">\n"
        }
        if let date, !date.isEmpty { out += "<meta name=\"dcterms.date\" content=\"\(escape(date))\">\n" }
        out += "<style>\n\(Self.stylesheet)</style>\n</head>\n<body>\n<div class=\"page\">\n"
        out += "<header class=\"title-block\">\n<h1>\(escape(report.title))</h1>\n"
        if let s = report.subtitle, !s.isEmpty { out += "<p class=\"subtitle\">\(escape(s))</p>\n" }
        let byline = [report.date, report.author].compactMap { $0 }.filter { !$0.isEmpty }
        if !byline.isEmpty { out += "<p class=\"byline\">\(byline.map(escape).joined(separator: " · "))</p>\n" }
        out += "</header>\n<main>\n"
        if !report.keyFigures.isEmpty {
            out += "<section class=\"key-figures\" aria-label=\"Key figures\">\n<ul>\n"
            for kf in report.keyFigures {
                out += "<li><span class=\"kf-value\">\(escape(kf.value))"
                out += kf.notes.map { noteReference($0, context) }.joined()
                out += "</span> <span class=\"kf-label\">\(escape(kf.label))</span></li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        for b in report.blocks { out += block(b, context) }
        if !report.notes.isEmpty {
            out += "<section class=\"notes\" aria-labelledby=\"notes\">\n<h2 id=\"notes\">Notes</h2>\n<ol>\n"
            for (k, note) in report.notes.enumerated() {
                let n = k + 1
                out += "<li id=\"note-\(n)\">\(escape(note))"
                if context.noteCitations[n, default: 0] > 0 {
                    out += " <a class=\"back\" href=\"#noteref-\(n)\" aria-label=\"Back to the text of note \(n)\">↩</a>"
                }
                out += "</li>\n"
            }
            out += "</ol>\n</section>\n"
        }
        out += "</main>\n</div>\n</body>\n</html>\n"
        return out
    }

    /// Counters that make ids unique across the document.
    private final class Context {
        var noteCitations: [Int: Int] = [:]
    }

    // MARK: Blocks

    private func block(_ b: Block, _ c: Context) -> String {
        switch b {
        case .heading(let h):
            let level = min(max(h.level, 1), 6)
            return "<h\(level) id=\"\(escape(h.anchor))\">\(inlines(h.content, c))</h\(level)>\n"
        case .paragraph(let content):
            return "<p>\(inlines(content, c))</p>\n"
        case .list(let list):
            let tag = list.ordered ? "ol" : "ul"
            var out = list.ordered && list.start != 1 ? "<ol start=\"\(list.start)\">\n" : "<\(tag)>\n"
            for item in list.items {
                // A tight item's single paragraph is written inline.
                if item.count == 1, case .paragraph(let content) = item[0] {
                    out += "<li>\(inlines(content, c))</li>\n"
                } else {
                    out += "<li>\n" + item.map { block($0, c) }.joined() + "</li>\n"
                }
            }
            return out + "</\(tag)>\n"
        case .table(let t):
            return "<div class=\"table-wrap\">\n" + table(t, c) + "</div>\n"
        case .figure(let f):
            return figure(f, c)
        case .tableFigure(let f):
            var out = "<figure class=\"table-figure\" id=\"\(escape(f.anchor))\">\n"
            out += "<figcaption><strong>Table \(f.number).</strong> \(inlines(f.caption, c))</figcaption>\n"
            out += "<div class=\"table-wrap\">\n" + table(f.block, c) + "</div>\n"
            if !f.sourceLine.isEmpty { out += "<p class=\"source\">\(escape(f.sourceLine))</p>\n" }
            return out + "</figure>\n"
        case .callout(let blocks):
            return "<aside class=\"callout\">\n" + blocks.map { block($0, c) }.joined() + "</aside>\n"
        case .codeBlock(let code):
            return "<pre><code>\(escape(code))</code></pre>\n"
        case .thematicBreak:
            return "<hr>\n"
        }
    }

    private func table(_ t: TableBlock, _ c: Context) -> String {
        let columns = max(t.header.count, t.rows.map(\.count).max() ?? 0)
        func attributes(_ col: Int) -> String {
            if t.isRightAligned(col) { return " class=\"num\"" }
            if col < t.alignments.count, t.alignments[col] == .center { return " class=\"center\"" }
            return ""
        }
        var out = "<table>\n"
        if !t.header.isEmpty {
            out += "<thead><tr>"
            for col in 0..<columns {
                out += "<th scope=\"col\"\(attributes(col))>\(col < t.header.count ? inlines(t.header[col], c) : "")</th>"
            }
            out += "</tr></thead>\n"
        }
        out += "<tbody>\n"
        for row in t.rows {
            out += "<tr>"
            for col in 0..<columns {
                out += "<td\(attributes(col))>\(col < row.count ? inlines(row[col], c) : "")</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    private func figure(_ f: Figure, _ c: Context) -> String {
        let label = "Figure \(f.number)"
        var out = "<figure class=\"chart\" id=\"\(escape(f.anchor))\">\n"
        if let svg = chartSVGs[f.chartID], let narrow = narrowChartSVGs[f.chartID] {
            // Two layouts, one shown: CSS picks by width, and the hidden one is hidden from screen readers too.
            out += "<div class=\"chart-wide\">" + SVGInliner.inline(svg, idPrefix: "c\(f.number)-", title: f.chart.altText) + "</div>\n"
            out += "<div class=\"chart-narrow\">" + SVGInliner.inline(narrow, idPrefix: "c\(f.number)n-", title: f.chart.altText)
                + "</div>\n"
        } else if let svg = chartSVGs[f.chartID] {
            out += SVGInliner.inline(svg, idPrefix: "c\(f.number)-", title: f.chart.altText) + "\n"
        } else {
            out += "<div class=\"chart-missing\" role=\"img\" aria-label=\"\(escape(f.chart.altText))\">"
            out += "\(escape(f.chart.title))</div>\n"
        }
        out += "<figcaption><strong>\(label).</strong> \(inlines(f.caption, c))</figcaption>\n"
        out += "<details>\n<summary>Data for \(label)</summary>\n" + dataTable(ChartDataTable(f.chart), chart: f.chart)
        out += "</details>\n</figure>\n"
        return out
    }

    private func dataTable(_ data: ChartDataTable, chart: Chart) -> String {
        func cls(_ col: Int) -> String { data.numericColumns.contains(col) ? " class=\"num\"" : "" }
        var out = "<div class=\"table-wrap\">\n<table class=\"data\">\n<caption>\(escape(chart.title))</caption>\n<thead><tr>"
        for (col, h) in data.header.enumerated() { out += "<th scope=\"col\"\(cls(col))>\(escape(h))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (r, row) in data.rows.enumerated() {
            out += data.highlightedRows.contains(r) ? "<tr class=\"highlight\">" : "<tr>"
            for (col, cell) in row.enumerated() {
                if col == 0 && data.rowHeaders {
                    out += "<th scope=\"row\">\(escape(cell))</th>"
                } else {
                    out += "<td\(cls(col))>\(escape(cell))</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        let foot = data.notes + [chart.note, chart.source].compactMap { $0 }.filter { !$0.isEmpty }
        if !foot.isEmpty { out += "<p class=\"source\">\(foot.map(escape).joined(separator: " "))</p>\n" }
        return out
    }

    // MARK: Inlines

    private func inlines(_ content: [Inline], _ c: Context) -> String { content.map { inline($0, c) }.joined() }

    private func inline(_ i: Inline, _ c: Context) -> String {
        switch i {
        case .text(let s): return escape(s)
        case .strong(let x): return "<strong>\(inlines(x, c))</strong>"
        case .emphasis(let x): return "<em>\(inlines(x, c))</em>"
        case .strikethrough(let x): return "<del>\(inlines(x, c))</del>"
        case .code(let s): return "<code>\(escape(s))</code>"
        case .link(let url, let x):
            guard Self.isSafeLink(url) else { return inlines(x, c) }
            return "<a href=\"\(escape(url))\">\(inlines(x, c))</a>"
        case .lineBreak: return "<br>"
        case .figureReference(let id, let n): return "<a href=\"#fig-\(escape(id))\">Figure \(n)</a>"
        case .tableReference(let id, let n): return "<a href=\"#tbl-\(escape(id))\">Table \(n)</a>"
        case .noteReference(let n): return noteReference(n, c)
        }
    }

    /// `<sup><a href="#note-N">N</a></sup>`; the first citation's id is the notes' back-link target.
    private func noteReference(_ n: Int, _ c: Context) -> String {
        let k = c.noteCitations[n, default: 0] + 1
        c.noteCitations[n] = k
        let id = k == 1 ? "noteref-\(n)" : "noteref-\(n)-\(k)"
        return "<sup class=\"note-ref\"><a href=\"#note-\(n)\" id=\"\(id)\" aria-label=\"Note \(n)\">\(n)</a></sup>"
    }

    /// Web, mail and in-page links; anything else (`javascript:`, `data:`) is written as text.
    static func isSafeLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        if let colon = lower.firstIndex(of: ":"), !lower[..<colon].contains("/"), !lower[..<colon].contains("#") {
            return ["http", "https", "mailto"].contains(String(lower[..<colon]))
        }
        return true
    }

    /// `&`, `<`, `>`, `"` and `'` as character references.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
    private func escape(_ s: String) -> String { Self.escape(s) }

    /// Inline CSS: a ~44rem column, responsive charts and tables, key figures as a grid, print rules.
    static let stylesheet = """
    :root { color-scheme: light; --text: #1b1f24; --muted: #5f6670; --link: #1f5fa8; --accent: #1f5fa8;
      --rule: #c4c9cf; --tint: #eef3f9; --code: #f3f4f6; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: #fff; color: var(--text);
      font-family: Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      font-size: 1.0625rem; line-height: 1.6; }
    .page { max-width: 44rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
    .title-block { border-bottom: 1px solid var(--rule); padding-bottom: 1rem; margin-bottom: 1.5rem; }
    h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; letter-spacing: -0.01em; }
    .subtitle { font-size: 1.15rem; color: var(--muted); margin: 0 0 .5rem; line-height: 1.4; }
    .byline { font-size: .9rem; color: var(--muted); margin: 0; }
    h2 { font-size: 1.35rem; line-height: 1.3; margin: 2.2rem 0 .6rem; }
    h3 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
    p { margin: 0 0 1rem; }
    a { color: var(--link); }
    .key-figures ul { list-style: none; margin: 0 0 2rem; padding: 0; display: grid; gap: .75rem;
      grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); }
    .key-figures li { background: var(--tint); border-top: 3px solid var(--accent); padding: .75rem .85rem; }
    .kf-value { display: block; font-size: 1.75rem; font-weight: 600; line-height: 1.15; color: var(--accent);
      font-variant-numeric: tabular-nums; }
    .kf-label { display: block; font-size: .85rem; line-height: 1.35; color: var(--muted); margin-top: .3rem; }
    figure { margin: 1.75rem 0; }
    figure.chart svg { display: block; width: 100%; height: auto; }
    .chart-narrow { display: none; }
    figcaption { font-size: .9rem; color: var(--muted); margin-top: .5rem; line-height: 1.45; }
    figure.table-figure figcaption { margin: 0 0 .4rem; }
    details { margin-top: .5rem; font-size: .9rem; }
    summary { cursor: pointer; color: var(--link); }
    .table-wrap { overflow-x: auto; margin: 0 0 1rem; }
    table { border-collapse: collapse; font-size: .92rem; line-height: 1.4; margin: .5rem 0; }
    caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
    th, td { padding: .3rem .6rem; text-align: left; vertical-align: top; border-bottom: 1px solid #e3e6ea; }
    thead th { border-bottom: 1.5px solid var(--text); font-weight: 600; }
    tbody tr:last-child th, tbody tr:last-child td { border-bottom-color: var(--rule); }
    tbody th { font-weight: normal; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .center { text-align: center; }
    tr.highlight th, tr.highlight td { font-weight: 600; background: var(--tint); }
    .source { font-size: .8rem; color: var(--muted); }
    aside.callout { background: var(--tint); border-left: 3px solid var(--accent); padding: .8rem 1rem; margin: 1.2rem 0; }
    aside.callout > :last-child { margin-bottom: 0; }
    pre { background: var(--code); padding: .75rem; overflow-x: auto; font-size: .85rem; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; }
    ul, ol { padding-left: 1.4rem; margin: 0 0 1rem; }
    li { margin: .2rem 0; }
    sup.note-ref { line-height: 0; font-size: .72em; }
    sup.note-ref a { text-decoration: none; padding: 0 .1em; }
    .notes { border-top: 1px solid var(--rule); margin-top: 2.5rem; font-size: .9rem; }
    .notes h2 { font-size: 1.1rem; }
    .notes a.back { text-decoration: none; }
    hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
    @media (max-width: 30rem) {
      body { font-size: 1rem; }
      .page { padding: 1.25rem 1rem 3rem; }
      h1 { font-size: 1.55rem; }
      .key-figures ul { grid-template-columns: 1fr 1fr; }
      .kf-value { font-size: 1.45rem; }
      table { font-size: .85rem; }
      th, td { padding: .3rem .4rem; }
      .num { white-space: normal; }
      .chart-wide { display: none; }
      .chart-narrow { display: block; }
    }
    @page { size: letter; margin: 0.75in; }
    @media print {
      html, body { background: none !important; color: #000; font-size: 10.5pt; }
      .page { max-width: none; padding: 0; }
      .key-figures li, aside.callout, pre, tr.highlight th, tr.highlight td { background: none !important; }
      .key-figures li { border: 1px solid var(--rule); border-top: 3px solid var(--accent); }
      figure, table, .key-figures, aside, pre, li { break-inside: avoid; page-break-inside: avoid; }
      h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
      details { display: none; }
      a { color: inherit; text-decoration: none; }
    }

    """
}

/// Prepares a chart's SVG document for inlining: drops the XML prolog, prefixes every id (and
/// every `#id` / `url(#id)` reference) so several charts' `glyph0-1`, `surface5`, `clip1` never
/// collide, and labels the root `<svg>` with `role="img"`, `aria-label` and a `<title>`.
enum SVGInliner {
    static func inline(_ svg: String, idPrefix: String, title: String) -> String {
        var text = Substring(svg)
        // Prolog and doctype.
        while true {
            text = text.drop { $0.isWhitespace }
            if text.hasPrefix("<?") || text.hasPrefix("<!DOCTYPE") || text.hasPrefix("<!doctype") {
                guard let end = text.firstIndex(of: ">") else { break }
                text = text[text.index(after: end)...]
            } else {
                break
            }
        }
        let prefixed = prefixIDs(String(text), idPrefix)
        guard let open = prefixed.range(of: "<svg"),
              let close = prefixed[open.upperBound...].firstIndex(of: ">") else { return prefixed }
        var tag = String(prefixed[open.lowerBound..<close])
        let selfClosing = tag.hasSuffix("/")
        if selfClosing { tag.removeLast() }
        // Fixed sizes give way to CSS (the viewBox keeps the aspect ratio).
        for attribute in ["width", "height"] { tag = removeAttribute(attribute, from: tag) }
        let titleID = idPrefix + "title"
        tag += " role=\"img\" aria-label=\"\(HTMLWriter.escape(title))\" aria-labelledby=\"\(titleID)\" focusable=\"false\""
        let titleElement = "<title id=\"\(titleID)\">\(HTMLWriter.escape(title))</title>"
        let rest = prefixed[prefixed.index(after: close)...]
        if selfClosing { return tag + ">" + titleElement + "</svg>" }
        return tag + ">\n" + titleElement + rest.trimmingTrailingWhitespace
    }

    /// `id="x"` → `id="p-x"`, `href="#x"` → `href="#p-x"`, `url(#x)` → `url(#p-x)`. Works on
    /// UTF-8 bytes: a chart's SVG is ~100 KB, and walking it by `Character` cost ~10 ms a chart.
    static func prefixIDs(_ s: String, _ prefix: String) -> String {
        let bytes = Array(s.utf8)
        let markers = [" id=\"", "href=\"#", "url(#"].map { Array($0.utf8) }
        let prefixBytes = Array(prefix.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4096)
        var i = 0
        outer: while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "h") || b == UInt8(ascii: "u") {
                for m in markers where i + m.count <= bytes.count && bytes[i] == m[0] && bytes[i..<(i + m.count)].elementsEqual(m) {
                    out += m
                    out += prefixBytes
                    i += m.count
                    continue outer
                }
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func removeAttribute(_ name: String, from tag: String) -> String {
        guard let r = tag.range(of: " \(name)=\""),
              let end = tag[r.upperBound...].firstIndex(of: "\"") else { return tag }
        return String(tag[..<r.lowerBound] + tag[tag.index(after: end)...])
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var s = self
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return s
    }
}
