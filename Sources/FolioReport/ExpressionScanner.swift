/// Finds every `{{ ... }}` in a source text, parses name and filters, and records exact positions.
///
/// An expression must close on the line where it opens. `\{{` is left alone (Markdown then
/// prints `{{`). `{{ when CONDITION }}`, `{{ otherwise }}` and `{{ end }}` are inline conditions'
/// markers, returned apart.
struct ExpressionScanner {
    let lines: LineIndex

    /// The expressions found, and diagnostics for malformed ones.
    func scan(into sink: inout DiagnosticSink) -> [InlineExpression] {
        var controls: [InlineControl] = []
        return scan(into: &sink, controls: &controls)
    }

    /// The expressions found; inline condition markers go to `controls`.
    func scan(into sink: inout DiagnosticSink, controls: inout [InlineControl]) -> [InlineExpression] {
        let text = lines.text
        var found: [InlineExpression] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard let next = Self.nextOpening(in: text, from: i) else { break }
            i = next
            if i > text.startIndex, text[text.index(before: i)] == "\\" {
                i = text.index(i, offsetBy: 2); continue
            }
            let open = i
            let openPosition = lines.position(of: open)
            let innerStart = text.index(open, offsetBy: 2)
            let lineEnd = text[innerStart...].firstIndex { $0 == "\n" || $0 == "\r\n" } ?? text.endIndex
            guard let close = text[innerStart..<lineEnd].range(of: "}}") else {
                sink.error("unclosed `{{`: expected `}}` before the end of the line", at: openPosition, length: 2)
                i = innerStart
                continue
            }
            let range = open..<close.upperBound
            if let control = InlineControl(range: range, inner: innerStart..<close.lowerBound, lines: lines) {
                controls.append(control)
                i = close.upperBound
                continue
            }
            if let e = parse(range: range, inner: innerStart..<close.lowerBound, sink: &sink) { found.append(e) }
            i = close.upperBound
        }
        return found
    }

    /// The next `{{` at or after `start` that begins a character, found by scanning UTF-8 bytes
    /// (walking characters and testing each for the prefix took half of every parse). A `{{`
    /// inside a character (after a prepended mark, or before a combining one) is not an opening.
    static func nextOpening(in text: String, from start: String.Index) -> String.Index? {
        let bytes = text.utf8
        var b = start
        while b < bytes.endIndex {
            guard let brace = bytes[b...].firstIndex(of: UInt8(ascii: "{")) else { return nil }
            let after = bytes.index(after: brace)
            guard after < bytes.endIndex else { return nil }
            // Both braces whole characters (not "{" with a combining mark after it).
            if bytes[after] == UInt8(ascii: "{"), let character = brace.samePosition(in: text),
               text[character...].hasPrefix("{{") { return character }
            b = after
        }
        return nil
    }

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "." || c == "-"
    }

    private func parse(range: Range<String.Index>, inner: Range<String.Index>,
                       sink: inout DiagnosticSink) -> InlineExpression? {
        let text = lines.text
        var i = inner.lowerBound
        let end = inner.upperBound
        func skipSpaces() { while i < end, text[i].isWhitespace { i = text.index(after: i) } }
        func readName() -> Substring {
            let start = i
            while i < end, Self.isNameCharacter(text[i]) { i = text.index(after: i) }
            return text[start..<i]
        }
        let openPosition = lines.position(of: range.lowerBound)
        let length = text.distance(from: range.lowerBound, to: range.upperBound)
        skipSpaces()
        if i == end {
            sink.error("empty `{{ }}`: expected a value name", at: openPosition, length: length)
            return nil
        }
        let namePosition = lines.position(of: i)
        let name = readName()
        if name.isEmpty {
            sink.error("expected a value name after `{{`", at: namePosition)
            return nil
        }
        var filters: [FilterCall] = []
        while true {
            skipSpaces()
            if i == end { break }
            guard text[i] == "|" else {
                sink.error("expected `|` or `}}` after `\(filters.last?.name ?? String(name))`", at: lines.position(of: i))
                return nil
            }
            i = text.index(after: i)
            skipSpaces()
            let filterPosition = lines.position(of: i)
            let filterName = readName()
            if filterName.isEmpty {
                sink.error("expected a filter name after `|`", at: filterPosition)
                return nil
            }
            var argument: String?
            skipSpaces()
            if i < end, text[i] == "(" {
                let argStart = text.index(after: i)
                guard let closeParen = text[argStart..<end].firstIndex(of: ")") else {
                    sink.error("unclosed `(` in the argument of `\(filterName)`", at: lines.position(of: i))
                    return nil
                }
                argument = Self.unquote(text[argStart..<closeParen])
                i = text.index(after: closeParen)
            }
            filters.append(FilterCall(name: String(filterName), argument: argument, position: filterPosition))
        }
        return InlineExpression(text: String(text[range]), position: openPosition, name: String(name),
                                namePosition: namePosition, filters: filters, range: range)
    }

    private static func unquote(_ s: Substring) -> String {
        var t = s.drop { $0.isWhitespace }
        while t.last?.isWhitespace == true { t = t.dropLast() }
        if t.count >= 2, let f = t.first, f == "\"" || f == "'", t.last == f { t = t.dropFirst().dropLast() }
        return String(t)
    }
}
