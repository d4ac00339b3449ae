/// A linear mapping from a domain to a range; a zero-width domain maps everything to the range start.
public struct LinearScale: ContinuousScale {
    public var domain: ClosedRange<Double>
    public var range: (Double, Double)
    public init(domain: ClosedRange<Double>, range: (Double, Double) = (0, 1)) {
        self.domain = domain; self.range = range
    }
    public func map(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, span.isFinite, value.isFinite else { return range.0 }
        return range.0 + (value - domain.lowerBound) / span * (range.1 - range.0)
    }
    public func withRange(_ range: (Double, Double)) -> LinearScale { LinearScale(domain: domain, range: range) }
}
