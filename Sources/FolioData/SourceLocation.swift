/// A place in an input file: path as given to Folio, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int = 1) {
        self.file = file; self.line = line; self.column = column
    }
    /// `file:line:column`, the form editors and CI logs link.
    public var description: String { "\(file):\(line):\(column)" }
}
