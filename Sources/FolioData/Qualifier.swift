/// How exact a published figure is.
public enum Qualifier: String, Hashable, Sendable, CustomStringConvertible {
    /// Published as an exact count.
    case exact
    /// Published as "more than N": N is a lower bound.
    case lowerBound = "more_than"
    /// Published rounded, e.g. "36.2 million".
    case rounded
    public var description: String { rawValue }
}
