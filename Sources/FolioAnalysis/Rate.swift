import FolioData
import FolioFormat

/// Events per `scale` people (per 100,000 children, say), with an exact Poisson interval on the
/// count. The count's year must be the population estimate's year.
public struct Rate: Measure {
    public var count: Figure
    public var population: Figure
    public var scale: Double
    /// Words for the population in prose: "children", "residents".
    public var populationName: String
    public var label: String

    public init(_ count: Figure, per population: Figure, scale: Double = 100_000, populationName: String,
                label: String) {
        self.count = count; self.population = population; self.scale = scale
        self.populationName = populationName; self.label = label
    }

    public var resultKind: ValueKind { .rate(per: scale, population: populationName) }
    public var resultLabel: String { label }

    public func evaluate(step: String) throws -> ResultValue {
        guard population.unit == .people else {
            throw MeasureError.incomparableUnits(part: count, whole: population)
        }
        guard Rate.year(of: count.period) == Rate.year(of: population.period), Rate.year(of: count.period) != nil else {
            throw MeasureError.incomparablePeriods(part: count, whole: population)
        }
        let k = try Comparability.value(of: count)
        let n = try Comparability.value(of: population)
        guard n > 0 else { throw MeasureError.zeroDenominator(population) }
        let factor = scale / n
        return ResultValue(
            kind: .rate(per: scale, population: populationName), number: k * factor,
            // Deferred: a rate evaluated only for ranking never pays for its exact interval.
            intervalRecipe: .scaledPoissonExact(count: k.rounded(), factor: factor),
            qualifier: Comparability.qualifier(count, population), label: label,
            provenance: Provenance(
                step: step,
                formula: "\(count.geography) \(count.measure) / \(population.geography) \(population.measure) × \(Rate.scaleText(scale))",
                inputs: [.figure(count), .figure(population)]))
    }

    /// `scale` as the formula writes it; the usual 100,000 is formatted once per process.
    static func scaleText(_ scale: Double) -> String {
        scale == 100_000 ? hundredThousandText : NumberStyle.count.format(scale)
    }

    private static let hundredThousandText = NumberStyle.count.format(100_000)

    /// The calendar year of a flow or a point estimate; cumulative totals have none.
    static func year(of period: Period) -> Int? {
        switch period {
        case .year(let y), .pointInTime(let y): return y
        case .cumulative, .span: return nil
        }
    }
}
