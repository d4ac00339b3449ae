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

        // 1. Resolve every expression once, diagnosing each failure where it was written; those in
        // text a condition leaves out too, so every name is checked whatever the data.
        var values: [Range<String.Index>: String] = [:]
        for e in narrative.expressions {
            if let v = resolve(e, sink: &sink) { values[e.range] = v }
        }
        func value(_ e: InlineExpression) -> String { values[e.range] ?? "" }

        // 2. Conditions: which text each keeps and leaves out, and which key figures show.
        let scanner = ProseScanner(lines: narrative.lines, firstLine: narrative.bodyFirstLine)
        let code = scanner.codeRanges()
        let choice = choose(narrative, code: code, sink: &sink)
        let dropped = choice.dropped
        func isDropped(_ i: String.Index) -> Bool { dropped.contains { $0.contains(i) } }
        let keptExpressions = narrative.expressions.filter { e in
            e.range.lowerBound < narrative.bodyStart || !isDropped(e.range.lowerBound)
        }

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
        for kf in choice.keyFigures {
            var numbers: [Int] = []
            for e in kf.value.expressions + kf.label.expressions {
                guard let k = noteMarker(e) else { continue }
                let n = book.number(for: valueNotes[k].key, text: valueNotes[k].text)
                if !numbers.contains(n) { numbers.append(n) }
            }
            keyFigureNotes.append(numbers)
        }

        // 3. Substitute into the body, escaped for Markdown (outside code), leaving out what the
        // conditions drop; a dropped block keeps its line breaks, so line numbers stay the source's.
        let source = narrative.source
        var body = ""
        var i = narrative.bodyStart
        var cuts: [(range: Range<String.Index>, expression: InlineExpression?)] = dropped.map { ($0, nil) }
        cuts += keptExpressions.filter { $0.range.lowerBound >= narrative.bodyStart }.map { ($0.range, $0) }
        cuts.sort { $0.range.lowerBound < $1.range.lowerBound }
        for cut in cuts {
            body += source[i..<cut.range.lowerBound]
            i = cut.range.upperBound
            guard let e = cut.expression else {
                let breaks = source[cut.range].filter { $0 == "\n" || $0 == "\r\n" }.count
                body += String(repeating: "\n", count: breaks)
                continue
            }
            let inCode = code.contains { $0.contains(e.range.lowerBound) }
            let v = value(e).map { $0 == "\n" || $0 == "\r\n" ? " " : $0 }.map(String.init).joined()
            body += inCode ? v : Self.escapeMarkdown(v)
            if !inCode, let k = noteMarker(e) { body += NoteBook.marker(k) }
        }
        body += source[i...]

        // 4. Markdown → blocks, figures numbered; then check every @fig reference. Directives and
        // references in dropped text must still name a chart that exists.
        let allDirectives = scanner.chartDirectives(outside: code, from: narrative.bodyStart)
        let allTableDirectives = scanner.chartDirectives(outside: code, from: narrative.bodyStart, kind: "table")
        for d in (allDirectives + allTableDirectives) where isDropped(d.index) && charts[d.id] == nil {
            sink.error("unknown \(d.kind) `\(d.id)`", at: d.position, length: max(1, d.id.count),
                       suggestion: NearMiss.suggestion(for: d.id, among: Array(charts.keys)))
        }
        let parser = MarkdownBodyParser(
            charts: charts, firstLine: narrative.bodyFirstLine, directives: allDirectives.filter { !isDropped($0.index) },
            tableDirectives: allTableDirectives.filter { !isDropped($0.index) },
            valueNotes: valueNotes)
        let output = parser.convert(body, notes: book, sink: &sink)
        let figureIDs = Set(output.figures.map(\.chartID))
        let tableIDs = Set(output.tables.map(\.chartID))
        for (prefix, shown, noun) in [("@fig-", figureIDs, "figure"), ("@tbl-", tableIDs, "table")] {
            for ref in scanner.figureReferences(outside: code, from: narrative.bodyStart, prefix: prefix)
            where !shown.contains(ref.id) && (!isDropped(ref.index) || charts[ref.id] == nil) {
                let suggestion = NearMiss.suggestion(for: ref.id, among: Array(shown)).map { prefix + $0 }
                let message = charts[ref.id] == nil
                    ? "unknown \(noun) reference `\(prefix)\(ref.id)`"
                    : "`\(prefix)\(ref.id)` refers to chart `\(ref.id)`, which no \(noun) in this narrative shows"
                sink.error(message, at: ref.position, length: ref.length, suggestion: suggestion)
            }
        }

        if sink.hasErrors { throw NarrativeError(diagnostics: sink.diagnostics) }

        // 5. Front matter strings.
        let fm = narrative.frontMatter
        func text(_ t: TemplateText?) -> String? { t.map { $0.rendered(value).trimmingWhitespace } }
        let firstH1 = output.blocks.lazy.compactMap { block -> String? in
            if case .heading(let h) = block, h.level == 1 { return h.content.plainText }
            return nil
        }.first
        let stem = narrative.file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) }
        let title = text(fm.title) ?? firstH1 ?? stem ?? "Untitled"
        let shownFigures = choice.keyFigures
        // Cited: the values printed (not those of hidden key figures) and those conditions read.
        let hidden = Set(fm.keyFigures.filter { !shownFigures.contains($0) }
            .flatMap { $0.value.expressions + $0.label.expressions }.map(\.range))
        var cited = keptExpressions.filter { !hidden.contains($0.range) }.map(\.name)
        cited += choice.outcomes.filter(\.reached).flatMap(\.names)
        var report = Report(title: title, subtitle: text(fm.subtitle), date: text(fm.date), author: text(fm.author),
                            keywords: fm.keywords.compactMap(text), paper: fm.paper, blocks: output.blocks,
                            figures: output.figures, tables: output.tables,
                            keyFigures: zip(shownFigures, keyFigureNotes).map { kf, notes in
                                KeyFigure(value: kf.value.rendered(value).trimmingWhitespace,
                                          label: kf.label.rendered(value).trimmingWhitespace, notes: notes)
                            },
                            notes: output.notes.notes, pageLimit: fm.pageLimit)
        report.conditions = choice.outcomes
        report.citedNames = cited
        return report
    }

    /// What the conditions chose: the body ranges left out, the key figures shown, every outcome.
    private struct Choice {
        var dropped: [Range<String.Index>] = []
        var keyFigures: [KeyFigureTemplate] = []
        var outcomes: [ConditionOutcome] = []
    }

    /// Finds, checks and evaluates every condition of the narrative.
    private func choose(_ narrative: Narrative, code: [Range<String.Index>], sink: inout DiagnosticSink) -> Choice {
        var choice = Choice()
        let evaluator = ConditionEvaluator(resolver: resolver)
        func outcome(_ text: String, start: SourcePosition, at position: SourcePosition, form: ConditionForm,
                     reached: Bool, hasOtherwise: Bool = false) -> Bool? {
            guard let condition = ConditionParser(text: text, start: start).parse(into: &sink),
                  let (holds, reason) = evaluator.evaluate(condition, sink: &sink) else { return nil }
            choice.outcomes.append(ConditionOutcome(file: narrative.file, position: position, condition: text, holds: holds,
                                                    reason: reason, reached: reached, form: form, names: condition.names,
                                                    hasOtherwise: hasOtherwise))
            return holds
        }
        for kf in narrative.frontMatter.keyFigures {
            guard let when = kf.when else { choice.keyFigures.append(kf); continue }
            if outcome(when.text, start: when.start, at: when.start, form: .keyFigure, reached: true) == true {
                choice.keyFigures.append(kf)
            }
        }
        let conditionals = ConditionalScanner(lines: narrative.lines, firstLine: narrative.bodyFirstLine)
            .scan(controls: narrative.controls, code: code, bodyStart: narrative.bodyStart, sink: &sink)
        for c in conditionals {
            // Conditionals come in source order, so an enclosing one has already dropped its text.
            let reached = !choice.dropped.contains { $0.contains(c.opening.lowerBound) }
            guard let holds = outcome(c.conditionText, start: c.conditionStart, at: c.position, form: c.form,
                                      reached: reached, hasOtherwise: c.otherwise != nil) else { continue }
            choice.dropped += c.dropped(holds: holds)
        }
        choice.dropped = Self.merged(choice.dropped)
        return choice
    }

    /// Sorted ranges with overlapping and nested ones joined.
    static func merged(_ ranges: [Range<String.Index>]) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !r.isEmpty {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
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
