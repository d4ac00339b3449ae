/// A YAML node as a front matter reads it: mappings keep their order, scalars keep their text
/// and quoting, and every node knows where it was written.
public struct YAMLNode: Sendable {
    /// A 1-based line and column in the YAML text (columns count characters, as libyaml does).
    public struct Mark: Hashable, Sendable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) { self.line = line; self.column = column }
    }

    /// How a scalar was written: quoting changes where its text starts.
    public enum ScalarStyle: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    /// A scalar's text and style.
    public struct Scalar: Sendable {
        public var string: String
        public var style: ScalarStyle
    }

    /// What the node holds.
    public indirect enum Content: Sendable {
        case scalar(Scalar)
        case sequence([YAMLNode])
        /// Key/value pairs in the order they were written.
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public var content: Content
    /// Where the node starts.
    public var mark: Mark

    public init(_ content: Content, mark: Mark) { self.content = content; self.mark = mark }

    public var scalar: Scalar? { if case .scalar(let s) = content { s } else { nil } }
    public var sequence: [YAMLNode]? { if case .sequence(let items) = content { items } else { nil } }
    public var mapping: [(key: YAMLNode, value: YAMLNode)]? { if case .mapping(let pairs) = content { pairs } else { nil } }
    /// A scalar's text.
    public var string: String? { scalar?.string }
    /// A scalar that is a whole number (an optional sign, then digits).
    public var int: Int? {
        guard let s = scalar?.string else { return nil }
        return Int(s.hasPrefix("+") ? String(s.dropFirst()) : s)
    }
}
