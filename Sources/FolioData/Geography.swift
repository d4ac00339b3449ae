/// Where a figure belongs: a state by its USPS code, or the whole programme (`US`).
public struct Geography: Hashable, Sendable, CustomStringConvertible {
    /// USPS code (`MS`) or `US` for programme-wide figures.
    public var code: String
    public init(_ code: String) { self.code = code }
    public static let us = Geography("US")
    public var description: String { code }
}
