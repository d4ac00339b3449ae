import CMark
import FolioCharts

/// Numbers notes in order of first citation: a cited value with a caveat (one number per name)
/// and an author's `[^x]` footnote share one sequence.
struct NoteBook: Hashable, Sendable {
    private(set) var numbers: [String: Int] = [:]
    private(set) var notes: [String] = []

    /// The number for `key`, assigning the next one (with `text`) on first use.
    mutating func number(for key: String, text: @autoclosure () -> String) -> Int {
        if let n = numbers[key] { return n }
        notes.append(text())
        numbers[key] = notes.count
        return notes.count
    }

    /// Note text as printed: first letter capitalised, ending with a full stop.
    static func sentence(_ s: String) -> String {
        var t = s.trimmingWhitespace
        if let f = t.first, f.isLowercase { t = f.uppercased() + t.dropFirst() }
        if let l = t.last, !".!?".contains(l) { t += "." }
        return t
    }

    /// The private-use marker the assembler puts after a value with note key number `index`.
    static func marker(_ index: Int) -> String { "\u{E010}\(index)\u{E011}" }
    static let markerOpen: Character = "\u{E010}"
    static let markerClose: Character = "\u{E011}"
}

/// Turns a resolved Markdown body into report blocks with cmark-gfm (tables, strikethrough,
/// autolinks, footnotes), numbering figures and tables, turning `@fig-` / `@tbl-` references into
/// `Figure N` / `Table N`, and note markers and footnotes into numbered notes.
struct MarkdownBodyParser {
    /// Charts by id.
    let charts: [String: Chart]
    /// The source line of the body's first line, to report block lines in source terms.
    let firstLine: Int
    /// Chart directive positions, for diagnostics on unknown charts.
    let directives: [ProseScanner.ChartDirective]
    /// Table directive positions.
    var tableDirectives: [ProseScanner.ChartDirective] = []
    /// The note behind marker number k: its key (`value:<name>`) and text.
    var valueNotes: [(key: String, text: String)] = []

    /// Parses `markdown` into a cmark document; the caller frees it.
    static func document(_ markdown: String) -> OpaquePointer? {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        if bytes.isEmpty { cmark_parser_feed(parser, "", 0) }
        return cmark_parser_finish(parser)
    }

    /// The result of conversion.
    struct Output {
        var blocks: [Block]
        var figures: [Figure]
        var tables: [TableFigure] = []
        var notes: NoteBook = NoteBook()
    }

    /// Converts `markdown`, appending diagnostics for unknown or misplaced charts to `sink`.
    /// `notes` holds the notes already numbered (key figures), which keep their numbers.
    func convert(_ markdown: String, notes: NoteBook = NoteBook(), sink: inout DiagnosticSink) -> Output {
        guard let root = Self.document(markdown) else { return Output(blocks: [], figures: [], notes: notes) }
        defer { cmark_node_free(root) }
        var state = State()
        state.notes = notes
        // First pass: number figures, tables and notes in order of appearance so references
        // before a figure work.
        numberFigures(root, state: &state, sink: &sink)
        let blocks = children(root).compactMap { block($0, state: &state, sink: &sink) }
        let figures = state.figures.sorted { $0.number < $1.number }
        let tables = state.tables.sorted { $0.number < $1.number }
        return Output(blocks: blocks, figures: figures, tables: tables, notes: state.notes)
    }

    /// Figure, table and note numbers and anchors collected while converting.
    struct State {
        var numbers: [String: Int] = [:]
        var tableNumbers: [String: Int] = [:]
        var figures: [Figure] = []
        var tables: [TableFigure] = []
        var anchors: Set<String> = []
        var directiveCursor = 0
        var notes = NoteBook()
    }

    // MARK: Figures

    /// `("chart", id)` or `("table", id)` for an image whose URL is a directive.
    private func directive(_ image: OpaquePointer) -> (kind: String, id: String)? {
        let u = url(image)
        for kind in ["chart", "table"] where u.hasPrefix(kind + ":") {
            return (kind, String(u.dropFirst(kind.count + 1)))
        }
        return nil
    }

    /// The directive image of a paragraph that holds only a `chart:` or `table:` image (whitespace aside).
    private func chartImage(in paragraph: OpaquePointer) -> OpaquePointer? {
        let kids = children(paragraph).filter { !(type($0) == "text" && literal($0).allSatisfy(\.isWhitespace)) && type($0) != "softbreak" }
        guard kids.count == 1, type(kids[0]) == "image", directive(kids[0]) != nil else { return nil }
        return kids[0]
    }

    private func numberFigures(_ root: OpaquePointer, state: inout State, sink: inout DiagnosticSink) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        let definitions = children(root).filter { cmark_node_get_type($0) == CMARK_NODE_FOOTNOTE_DEFINITION }
        var cursor = 0, tableCursor = 0
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE {
                let k = Int(literal(node)) ?? 0
                let text = definitions.indices.contains(k - 1) ? plainText(of: definitions[k - 1], state: state) : ""
                _ = state.notes.number(for: "fn:\(k)", text: NoteBook.sentence(text))
                continue
            }
            if type(node) == "text" {
                for index in Self.markers(in: literal(node)) where valueNotes.indices.contains(index) {
                    _ = state.notes.number(for: valueNotes[index].key, text: valueNotes[index].text)
                }
                continue
            }
            guard type(node) == "image", let (kind, id) = directive(node) else { continue }
            let standalone = cmark_node_parent(node).map { type($0) == "paragraph" && chartImage(in: $0) != nil } ?? false
            if kind == "table" {
                let position = directivePosition(id: id, in: tableDirectives, cursor: &tableCursor, node: node)
                let tableIDs = charts.values.filter { if case .table = $0.mark { return true }; return false }.map(\.id)
                if let chart = charts[id] {
                    if case .table = chart.mark {
                        if let n = state.tableNumbers[id] {
                            sink.error("table `\(id)` is already shown as Table \(n)", at: position, length: max(1, id.count))
                        } else if standalone {
                            state.tableNumbers[id] = state.tableNumbers.count + 1
                        } else {
                            sink.error("a table directive must stand alone in its own paragraph", at: position,
                                       length: max(1, id.count))
                        }
                    } else {
                        sink.error("chart `\(id)` is not a table; show it with `chart:\(id)` or give it a `.table` mark",
                                   at: position, length: max(1, id.count),
                                   suggestion: NearMiss.suggestion(for: id, among: tableIDs))
                    }
                } else {
                    sink.error("unknown table `\(id)`", at: position, length: max(1, id.count),
                               suggestion: NearMiss.suggestion(for: id, among: tableIDs))
                }
                continue
            }
            let position = directivePosition(id: id, in: directives, cursor: &cursor, node: node)
            if charts[id] == nil {
                sink.error("unknown chart `\(id)`", at: position, length: max(1, id.count),
                           suggestion: NearMiss.suggestion(for: id, among: Array(charts.keys)))
            } else if let n = state.numbers[id] {
                sink.error("chart `\(id)` is already shown as Figure \(n)", at: position, length: max(1, id.count))
            } else if standalone {
                state.numbers[id] = state.numbers.count + 1
            } else {
                sink.error("a chart directive must stand alone in its own paragraph", at: position,
                           length: max(1, id.count))
            }
        }
    }

    /// The source position of the next directive with this id (directives come in source order).
    private func directivePosition(id: String, in directives: [ProseScanner.ChartDirective], cursor: inout Int,
                                   node: OpaquePointer) -> SourcePosition {
        while cursor < directives.count {
            let d = directives[cursor]
            cursor += 1
            if d.id == id { return d.position }
        }
        return SourcePosition(line: firstLine + Int(cmark_node_get_start_line(node)) - 1, column: 1)
    }

    /// The plain text of a footnote definition's blocks.
    private func plainText(of node: OpaquePointer, state: State) -> String {
        children(node).map { child -> String in
            children(child).isEmpty ? literal(child) : inlines(child, state: state).plainText
        }.joined(separator: " ")
    }

    /// Marker indices in `text`, in order.
    static func markers(in text: String) -> [Int] {
        var out: [Int] = []
        var i = text.startIndex
        while let open = text[i...].firstIndex(of: NoteBook.markerOpen) {
            guard let close = text[open...].firstIndex(of: NoteBook.markerClose) else { break }
            if let n = Int(text[text.index(after: open)..<close]) { out.append(n) }
            i = text.index(after: close)
        }
        return out
    }

    // MARK: Blocks

    private func block(_ node: OpaquePointer, state: inout State, sink: inout DiagnosticSink) -> Block? {
        let line = firstLine + Int(cmark_node_get_start_line(node)) - 1
        switch type(node) {
        case "heading":
            let content = inlines(node, state: state)
            var base = Self.slug(content.plainText)
            if base.isEmpty { base = "section" }
            var anchor = "sec-" + base
            var k = 2
            while state.anchors.contains(anchor) { anchor = "sec-\(base)-\(k)"; k += 1 }
            state.anchors.insert(anchor)
            return .heading(Heading(level: Int(cmark_node_get_heading_level(node)), content: content,
                                    anchor: anchor, line: line))
        case "paragraph":
            if let image = chartImage(in: node), let (kind, id) = directive(image), kind == "table" {
                guard let chart = charts[id], case .table(let mark) = chart.mark, let number = state.tableNumbers[id],
                      !state.tables.contains(where: { $0.chartID == id }) else { return nil }
                let table = TableFigure(chartID: id, number: number, caption: inlines(image, state: state),
                                        chart: chart, table: mark, line: line)
                state.tables.append(table)
                return .tableFigure(table)
            }
            if let image = chartImage(in: node), let (_, id) = directive(image) {
                guard let chart = charts[id], let number = state.numbers[id],
                      !state.figures.contains(where: { $0.chartID == id }) else { return nil }
                let figure = Figure(chartID: id, number: number, caption: inlines(image, state: state),
                                    chart: chart, line: line)
                state.figures.append(figure)
                return .figure(figure)
            }
            return .paragraph(inlines(node, state: state))
        case "list":
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let items = children(node).map { item in
                children(item).compactMap { block($0, state: &state, sink: &sink) }
            }
            return .list(ListBlock(ordered: ordered, start: Int(cmark_node_get_list_start(node)), items: items))
        case "block_quote":
            return .callout(children(node).compactMap { block($0, state: &state, sink: &sink) })
        case "code_block":
            var code = literal(node)
            if code.hasSuffix("\n") { code.removeLast() }
            return .codeBlock(code)
        case "thematic_break":
            return .thematicBreak
        case "table":
            return .table(table(node, state: state))
        case "html_block":
            return nil
        case _ where cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION:
            return nil  // printed with the report's notes
        default:
            let text = children(node).isEmpty ? literal(node) : ""
            return text.isEmpty ? nil : .paragraph([.text(text)])
        }
    }

    private func table(_ node: OpaquePointer, state: State) -> TableBlock {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [TableBlock.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for c in 0..<columns {
                switch raw[c] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in children(node) {
            var cells = children(row).map { inlines($0, state: state) }
            while cells.count < columns { cells.append([]) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
        }
        var numeric = Set<Int>()
        for c in 0..<columns where !rows.isEmpty {
            let values = rows.map { c < $0.count ? $0[c].plainText.trimmingWhitespace : "" }
            if values.contains(where: { !$0.isEmpty }), values.allSatisfy({ $0.isEmpty || Self.looksNumeric($0) }) {
                numeric.insert(c)
            }
        }
        return TableBlock(header: header, rows: rows, alignments: alignments, numericColumns: numeric)
    }

    /// True for cells like `4,546`, `69.9%`, `−3.2`, `$1.5`, `12 (8–17)`, `n/a`.
    static func looksNumeric(_ s: String) -> Bool {
        if s == "n/a" || s == "—" || s == "–" { return true }
        guard s.contains(where: \.isNumber) else { return false }
        let allowed = Set("0123456789,.%$+-−–() ±×")
        return s.allSatisfy { allowed.contains($0) }
    }

    // MARK: Inlines

    private func inlines(_ node: OpaquePointer, state: State) -> [Inline] {
        var out: [Inline] = []
        for child in children(node) {
            switch type(child) {
            case "text": out += references(in: literal(child), state: state)
            case "softbreak": out.append(.text(" "))
            case "linebreak": out.append(.lineBreak)
            case "code": out.append(.code(literal(child)))
            case "html_inline": out.append(.text(literal(child)))
            case "emph": out.append(.emphasis(inlines(child, state: state)))
            case "strong": out.append(.strong(inlines(child, state: state)))
            case "strikethrough": out.append(.strikethrough(inlines(child, state: state)))
            case "link": out.append(.link(url: url(child), inlines(child, state: state)))
            case "image": out += inlines(child, state: state)
            case _ where cmark_node_get_type(child) == CMARK_NODE_FOOTNOTE_REFERENCE:
                if let n = state.notes.numbers["fn:\(literal(child))"] { out.append(.noteReference(number: n)) }
            default: out += inlines(child, state: state)
            }
        }
        return Self.merged(out)
    }

    /// Splits text at `@fig-<id>` / `@tbl-<id>` references to known figures and tables, and at
    /// note markers.
    private func references(in text: String, state: State) -> [Inline] {
        var found: [(Range<String.Index>, Inline)] = []
        for (range, id) in ProseScanner.references(in: Substring(text), prefix: "@fig-") {
            if let n = state.numbers[id] { found.append((range, .figureReference(id: id, number: n))) }
        }
        for (range, id) in ProseScanner.references(in: Substring(text), prefix: "@tbl-") {
            if let n = state.tableNumbers[id] { found.append((range, .tableReference(id: id, number: n))) }
        }
        var i = text.startIndex
        while let open = text[i...].firstIndex(of: NoteBook.markerOpen),
              let close = text[open...].firstIndex(of: NoteBook.markerClose) {
            let end = text.index(after: close)
            if let k = Int(text[text.index(after: open)..<close]), valueNotes.indices.contains(k),
               let n = state.notes.numbers[valueNotes[k].key] {
                found.append((open..<end, .noteReference(number: n)))
            } else {
                found.append((open..<end, .text("")))
            }
            i = end
        }
        found.sort { $0.0.lowerBound < $1.0.lowerBound }
        var out: [Inline] = []
        var last = text.startIndex
        for (range, inline) in found where range.lowerBound >= last {
            if last < range.lowerBound { out.append(.text(String(text[last..<range.lowerBound]))) }
            if inline != .text("") { out.append(inline) }
            last = range.upperBound
        }
        if last < text.endIndex { out.append(.text(String(text[last...]))) }
        return out
    }

    /// Joins adjacent text runs.
    static func merged(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for i in inlines {
            if case .text(let b) = i, case .text(let a)? = out.last { out[out.count - 1] = .text(a + b) } else { out.append(i) }
        }
        return out
    }

    /// `Missing children` → `missing-children`.
    static func slug(_ s: String) -> String {
        var out = ""
        for c in s.lowercased() {
            if c.isLetter || c.isNumber { out.append(c) } else if out.last != "-" && !out.isEmpty { out.append("-") }
        }
        while out.last == "-" { out.removeLast() }
        return out
    }

    // MARK: cmark helpers

    private func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child { out.append(c); child = cmark_node_next(c) }
        return out
    }
    private func type(_ node: OpaquePointer) -> String { String(cString: cmark_node_get_type_string(node)) }
    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
    private func url(_ node: OpaquePointer) -> String { cmark_node_get_url(node).map { String(cString: $0) } ?? "" }
}
