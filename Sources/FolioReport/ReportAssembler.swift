import FolioCharts

/// Turns a narrative, a value resolver and charts into a `Report`, or throws every problem at once.
///
/// The assembler only returns values; writers and the runner decide what to write where.
public struct ReportAssembler: Sendable {
    public var resolver: any InlineValueResolver
    /// Charts by id, as referenced by `![caption](chart:<id>)`.
    public var charts: [String: Chart]

    public init(resolver: any InlineValueResolver, charts: [String: Chart]) {
        self.resolver = resolver; self.charts = charts
    }

    /// Convenience for a list of charts (ids must be unique; a later chart replaces an earlier one).
    public init(resolver: any InlineValueResolver, charts: [Chart]) {
        self.init(resolver: resolver, charts: Dictionary(charts.map { ($0.id, $0) }, uniquingKeysWith: { $1 }))
    }

    /// Parses and assembles `source`, reporting syntax and resolution problems together.
    public func assemble(source: String, file: String) throws(NarrativeError) -> Report {
        try assemble(Narrative.parseCollecting(source: source, file: file))
    }

    /// Assembles an already parsed narrative.
    public func assemble(_ narrative: Narrative) throws(NarrativeError) -> Report {
        var sink = DiagnosticSink(file: narrative.file, lines: narrative.lines)
        sink.diagnostics = narrative.syntaxDiagnostics

        // 1. Resolve every expression once, diagnosing each failure where it was written.
        var values: [Range<String.Index>: String] = [:]
        for e in narrative.expressions {
            if let v = resolve(e, sink: &sink) { values[e.range] = v }
        }
        func value(_ e: InlineExpression) -> String { values[e.range] ?? "" }

        // Notes: a cited value with a caveat gets a marker; one note key per name. Key figures come
        // first on the page, so their notes are numbered first.
        var markerIndex: [String: Int] = [:]
        var valueNotes: [(key: String, text: String)] = []
        func noteMarker(_ e: InlineExpression) -> Int? {
            guard !e.filters.contains(where: { Self.filtersWithoutNotes.contains($0.name) }),
                  values[e.range] != nil, let note = resolver.note(for: e.name), !note.isEmpty else { return nil }
            if let k = markerIndex[e.name] { return k }
            valueNotes.append((key: "value:" + e.name, text: NoteBook.sentence(note)))
            markerIndex[e.name] = valueNotes.count - 1
            return valueNotes.count - 1
        }
        var book = NoteBook()
        var keyFigureNotes: [[Int]] = []
        for kf in narrative.frontMatter.keyFigures {
            var numbers: [Int] = []
            for e in kf.value.expressions + kf.label.expressions {
                guard let k = noteMarker(e) else { continue }
                let n = book.number(for: valueNotes[k].key, text: valueNotes[k].text)
                if !numbers.contains(n) { numbers.append(n) }
            }
            keyFigureNotes.append(numbers)
        }

        // 2. Substitute into the body, escaped for Markdown (outside code), keeping line numbers.
        let scanner = ProseScanner(lines: narrative.lines, firstLine: narrative.bodyFirstLine)
        let code = scanner.codeRanges()
        let source = narrative.source
        var body = ""
        var i = narrative.bodyStart
        for e in narrative.expressions where e.range.lowerBound >= narrative.bodyStart {
            body += source[i..<e.range.lowerBound]
            let inCode = code.contains { $0.contains(e.range.lowerBound) }
            let v = value(e).map { $0 == "\n" || $0 == "\r\n" ? " " : $0 }.map(String.init).joined()
            body += inCode ? v : Self.escapeMarkdown(v)
            if !inCode, let k = noteMarker(e) { body += NoteBook.marker(k) }
            i = e.range.upperBound
        }
        body += source[i...]

        // 3. Markdown → blocks, figures numbered; then check every @fig reference.
        let directives = scanner.chartDirectives(outside: code, from: narrative.bodyStart)
        let parser = MarkdownBodyParser(
            charts: charts, firstLine: narrative.bodyFirstLine, directives: directives,
            tableDirectives: scanner.chartDirectives(outside: code, from: narrative.bodyStart, kind: "table"),
            valueNotes: valueNotes)
        let output = parser.convert(body, notes: book, sink: &sink)
        let figureIDs = Set(output.figures.map(\.chartID))
        for ref in scanner.figureReferences(outside: code, from: narrative.bodyStart) where !figureIDs.contains(ref.id) {
            let suggestion = NearMiss.suggestion(for: ref.id, among: Array(figureIDs)).map { "@fig-" + $0 }
            let message = charts[ref.id] == nil
                ? "unknown figure reference `@fig-\(ref.id)`"
                : "`@fig-\(ref.id)` refers to chart `\(ref.id)`, which no figure in this narrative shows"
            sink.error(message, at: ref.position, length: ref.length, suggestion: suggestion)
        }
        let tableIDs = Set(output.tables.map(\.chartID))
        for ref in scanner.figureReferences(outside: code, from: narrative.bodyStart, prefix: "@tbl-")
        where !tableIDs.contains(ref.id) {
            let suggestion = NearMiss.suggestion(for: ref.id, among: Array(tableIDs)).map { "@tbl-" + $0 }
            let message = charts[ref.id] == nil
                ? "unknown table reference `@tbl-\(ref.id)`"
                : "`@tbl-\(ref.id)` refers to chart `\(ref.id)`, which no table in this narrative shows"
            sink.error(message, at: ref.position, length: ref.length, suggestion: suggestion)
        }

        if sink.hasErrors { throw NarrativeError(diagnostics: sink.diagnostics) }

        // 4. Front matter strings.
        let fm = narrative.frontMatter
        func text(_ t: TemplateText?) -> String? { t.map { $0.rendered(value).trimmingWhitespace } }
        let firstH1 = output.blocks.lazy.compactMap { block -> String? in
            if case .heading(let h) = block, h.level == 1 { return h.content.plainText }
            return nil
        }.first
        let stem = narrative.file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) }
        let title = text(fm.title) ?? firstH1 ?? stem ?? "Untitled"
        return Report(title: title, subtitle: text(fm.subtitle), date: text(fm.date), author: text(fm.author),
                      keywords: fm.keywords.compactMap(text), paper: fm.paper, blocks: output.blocks,
                      figures: output.figures, tables: output.tables,
                      keyFigures: zip(fm.keyFigures, keyFigureNotes).map { kf, notes in
                          KeyFigure(value: kf.value.rendered(value).trimmingWhitespace,
                                    label: kf.label.rendered(value).trimmingWhitespace, notes: notes)
                      },
                      notes: output.notes.notes, pageLimit: fm.pageLimit)
    }

    /// Filters that print the caveat or label itself, so the value needs no note marker.
    static let filtersWithoutNotes: Set<String> = ["caveat", "label"]

    private func resolve(_ e: InlineExpression, sink: inout DiagnosticSink) -> String? {
        do {
            return try resolver.resolve(name: e.name, filters: e.filters)
        } catch {
            switch error {
            case .unknownName:
                sink.error("unknown value `\(e.name)`", at: e.namePosition, length: e.name.count,
                           suggestion: NearMiss.suggestion(for: e.name, among: resolver.availableNames))
            case .unknownFilter(let name, let known):
                let f = e.filters.first { $0.name == name }
                sink.error("unknown filter `\(name)`", at: f?.position ?? e.position, length: name.count,
                           suggestion: NearMiss.suggestion(for: name, among: known))
            case .filterMismatch(let filter, let message):
                let f = e.filters.first { $0.name == filter }
                sink.error("filter `\(filter)` does not apply to `\(e.name)`: \(message)",
                           at: f?.position ?? e.position, length: filter.count)
            }
            return nil
        }
    }

    /// Backslash-escapes Markdown punctuation so substituted values are always literal text.
    static func escapeMarkdown(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_{}[]<>()#+-.!|~&".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
