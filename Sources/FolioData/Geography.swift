/// What a figure belongs to: a key of the analysis's choosing (a region's code, an island, a
/// table's name), or the whole population (`US` for national figures, by convention).
public struct Geography: Hashable, Sendable, CustomStringConvertible {
    /// The key (`MS`, `Biscoe`, `penguins.csv`).
    public var code: String
    public init(_ code: String) { self.code = code }
    public static let us = Geography("US")
    public var description: String { code }
}
