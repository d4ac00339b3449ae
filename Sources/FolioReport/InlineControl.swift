/// An inline condition's marker: `{{ when CONDITION }}`, `{{ otherwise }}` or `{{ end }}`.
struct InlineControl {
    enum Kind { case when(String, SourcePosition), otherwise, end }
    var kind: Kind
    var range: Range<String.Index>
    var position: SourcePosition

    /// The marker written in `inner` (the text between the braces of `range`), or nil for a value.
    init?(range: Range<String.Index>, inner: Range<String.Index>, lines: LineIndex) {
        let text = lines.text
        var start = inner.lowerBound
        while start < inner.upperBound, text[start].isWhitespace { start = text.index(after: start) }
        let word = text[start..<inner.upperBound].prefix { !$0.isWhitespace }
        let rest = text[word.endIndex..<inner.upperBound]
        let restIsBlank = rest.allSatisfy(\.isWhitespace)
        switch word {
        case "otherwise" where restIsBlank: kind = .otherwise
        case "end" where restIsBlank: kind = .end
        case "when":
            var c = word.endIndex
            while c < inner.upperBound, text[c].isWhitespace { c = text.index(after: c) }
            var condition = text[c..<inner.upperBound]
            while condition.last?.isWhitespace == true { condition = condition.dropLast() }
            kind = .when(String(condition), lines.position(of: c))
        default: return nil
        }
        self.range = range
        position = lines.position(of: range.lowerBound)
    }
}
