/// A parsed narrative file: front matter, Markdown body and every inline expression with its position.
public struct Narrative: Sendable {
    /// The file name used in diagnostics.
    public var file: String
    /// The whole source text.
    public var source: String
    public var frontMatter: FrontMatter
    /// Every `{{ }}` expression, front matter and body, in source order.
    public var expressions: [InlineExpression]
    /// Inline condition markers (`{{ when … }}`, `{{ otherwise }}`, `{{ end }}`), in source order.
    var controls: [InlineControl]
    /// The source line where the Markdown body starts.
    public var bodyFirstLine: Int
    /// Where the body starts in `source`.
    var bodyStart: String.Index
    /// Syntax diagnostics (unclosed or empty `{{ }}`, bad front matter), kept for the assembler.
    var syntaxDiagnostics: [Diagnostic]
    var lines: LineIndex

    /// The Markdown body as written, expressions unresolved.
    public var body: Substring { source[bodyStart...] }

    /// Parses `source`; throws a `NarrativeError` with every syntax problem found.
    ///
    /// `ReportAssembler.assemble(source:file:...)` reports syntax and resolution problems together;
    /// use this when only the parse is wanted.
    public static func parse(source: String, file: String) throws(NarrativeError) -> Narrative {
        let narrative = parseCollecting(source: source, file: file)
        if !narrative.syntaxDiagnostics.isEmpty { throw NarrativeError(diagnostics: narrative.syntaxDiagnostics) }
        return narrative
    }

    /// Parses `source`, keeping syntax diagnostics in the value instead of throwing.
    static func parseCollecting(source: String, file: String) -> Narrative {
        let lines = LineIndex(source)
        var sink = DiagnosticSink(file: file, lines: lines)
        var controls: [InlineControl] = []
        let expressions = ExpressionScanner(lines: lines).scan(into: &sink, controls: &controls)

        var frontMatter = FrontMatter()
        var bodyStart = source.startIndex
        var bodyFirstLine = 1
        let starts = lines.lineStarts
        if lines.line(1).trimmingWhitespace == "---" {
            var closing: Int?
            if starts.count >= 2 {
                for n in 2...starts.count {
                    let l = lines.line(n).trimmingWhitespace
                    if l == "---" || l == "..." { closing = n; break }
                }
            }
            if let closing {
                let yamlStart = starts.count > 1 ? starts[1] : source.endIndex
                let yamlEnd = starts[closing - 1]
                bodyStart = closing < starts.count ? starts[closing] : source.endIndex
                bodyFirstLine = closing + 1
                // Replace expressions by same-length placeholders so YAML sees plain text.
                var yaml = ""
                var i = yamlStart
                for (n, e) in expressions.enumerated() where e.range.lowerBound >= yamlStart && e.range.upperBound <= yamlEnd {
                    yaml += source[i..<e.range.lowerBound]
                    yaml += FrontMatterParser.placeholder(index: n, length: e.text.count)
                    i = e.range.upperBound
                }
                if i < yamlEnd { yaml += source[i..<yamlEnd] }
                frontMatter = FrontMatterParser(yaml: yaml, firstLine: 2, expressions: expressions).parse(into: &sink)
            } else {
                sink.error("unclosed front matter: expected a closing `---` line", at: SourcePosition(line: 1, column: 1),
                           length: 3)
                bodyStart = source.endIndex
                bodyFirstLine = starts.count + 1
            }
        }
        return Narrative(file: file, source: source, frontMatter: frontMatter, expressions: expressions, controls: controls,
                         bodyFirstLine: bodyFirstLine, bodyStart: bodyStart,
                         syntaxDiagnostics: sink.diagnostics, lines: lines)
    }
}
