import FolioData

/// A published count taken as it is, with an exact Poisson interval.
public struct Count: Measure {
    public var figure: Figure
    /// False for figures that are not event counts (a population estimate has no Poisson noise).
    public var withInterval: Bool
    public init(_ figure: Figure, withInterval: Bool = true) { self.figure = figure; self.withInterval = withInterval }

    public var resultKind: ValueKind { .count(figure.unit) }
    public var resultLabel: String { figure.label }

    public func evaluate(step: String) throws -> ResultValue {
        let provenance = Provenance(step: step, formula: figure.measure, inputs: [.figure(figure)])
        guard let v = figure.value else {
            // Not reported is kept as such: the narrative prints "not reported", never 0.
            return ResultValue(kind: .count(figure.unit), number: nil, qualifier: figure.qualifier,
                               label: figure.label, provenance: provenance)
        }
        guard v >= 0 else { throw MeasureError.negative(figure) }
        return ResultValue(kind: .count(figure.unit), number: v,
                           // A rounded, "more than" or percent figure is not an observed count: no Poisson interval.
                           intervalRecipe: withInterval && figure.qualifier == .exact && figure.unit != .percent ? .poissonExact(count: v.rounded()) : .known(nil),
                           qualifier: figure.qualifier, label: figure.label, provenance: provenance)
    }
}
