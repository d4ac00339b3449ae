/// A published number with everything needed to use it honestly: what it counts, over which
/// period, how exact it is, and the line of the source it was read from.
public struct Figure: Hashable, Sendable {
    /// What is measured, as a key or in words (`body_mass_g`, `penguins where island = Biscoe`).
    public var measure: String
    public var geography: Geography
    /// The value; `nil` when the source does not report it (which is not zero).
    public var value: Double?
    public var unit: Unit
    public var period: Period
    public var qualifier: Qualifier
    /// Where the value was read.
    public var source: SourceLocation
    /// The words around the value in the source, for explanations (trimmed, one line).
    public var excerpt: String
    /// A human label, e.g. "Penguins in the study".
    public var label: String

    public init(measure: String, geography: Geography, value: Double?, unit: Unit, period: Period,
                qualifier: Qualifier = .exact, source: SourceLocation, excerpt: String, label: String) {
        self.measure = measure; self.geography = geography; self.value = value; self.unit = unit
        self.period = period; self.qualifier = qualifier; self.source = source
        self.excerpt = excerpt; self.label = label
    }

    /// True when the source reported a value.
    public var isReported: Bool { value != nil }
}
