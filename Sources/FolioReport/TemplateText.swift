/// A front-matter string with inline expressions left to resolve, e.g. `"Children in {{ state.name }}"`.
public struct TemplateText: Hashable, Sendable {
    /// A run of literal text or an expression.
    public enum Segment: Hashable, Sendable {
        case literal(String)
        case expression(InlineExpression)
    }
    public var segments: [Segment]
    /// Where the value starts in the source.
    public var position: SourcePosition
    public init(segments: [Segment], position: SourcePosition) {
        self.segments = segments; self.position = position
    }

    /// The expressions, in order.
    var expressions: [InlineExpression] {
        segments.compactMap { if case .expression(let e) = $0 { return e } else { return nil } }
    }

    /// The text with every expression replaced by `value(expression)`.
    func rendered(_ value: (InlineExpression) -> String) -> String {
        segments.map { segment in
            switch segment {
            case .literal(let s): return s
            case .expression(let e): return value(e)
            }
        }.joined()
    }
}
