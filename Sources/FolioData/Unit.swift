/// What a figure counts. Two figures can form a share or ratio only when their units match
/// (or the step declares the comparison with a caveat).
public struct Unit: Hashable, Sendable, CustomStringConvertible {
    /// A short machine name, e.g. `penguins`, `g`, `cases`.
    public var name: String
    /// Singular and plural words for prose, e.g. "penguin" / "penguins".
    public var singular: String
    public var plural: String
    public init(_ name: String, singular: String? = nil, plural: String? = nil) {
        self.name = name
        self.plural = plural ?? name
        self.singular = singular ?? (name.hasSuffix("s") ? String(name.dropLast()) : name)
    }
    public var description: String { name }

    /// People: the unit of a population, the denominator of every `Rate`.
    public static let people = Unit("people", singular: "person", plural: "people")
    /// Figures published as percentages (never counted, never given a Poisson interval).
    public static let percent = Unit("percent", singular: "percent", plural: "percent")
}
