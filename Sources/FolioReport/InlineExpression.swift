/// One filter applied to a value, e.g. `percent` or `decimals(2)`, with where it was written.
public struct FilterCall: Hashable, Sendable {
    public var name: String
    /// The single argument, unquoted and trimmed (`decimals(2)` → `"2"`), or nil without parentheses.
    public var argument: String?
    /// Where the filter's name starts.
    public var position: SourcePosition
    public init(name: String, argument: String? = nil, position: SourcePosition = SourcePosition(line: 0, column: 0)) {
        self.name = name; self.argument = argument; self.position = position
    }
}

/// An inline value `{{ name | filter | filter(arg) }}` found in a narrative.
public struct InlineExpression: Hashable, Sendable {
    /// The exact source text, braces included.
    public var text: String
    /// Where the opening `{{` is.
    public var position: SourcePosition
    public var name: String
    /// Where the value name starts.
    public var namePosition: SourcePosition
    public var filters: [FilterCall]
    /// The range of `text` in the narrative source.
    var range: Range<String.Index>
}
