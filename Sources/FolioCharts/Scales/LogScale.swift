import Foundation

/// A base-10 logarithmic mapping; non-positive values clamp to the domain's lower bound.
public struct LogScale: ContinuousScale {
    public var domain: ClosedRange<Double>
    public var range: (Double, Double)
    /// `domain` must be positive; a non-positive lower bound is replaced by `upper / 1000`.
    public init(domain: ClosedRange<Double>, range: (Double, Double) = (0, 1)) {
        let hi = domain.upperBound > 0 ? domain.upperBound : 1
        let lo = domain.lowerBound > 0 ? min(domain.lowerBound, hi) : hi / 1000
        self.domain = lo...hi; self.range = range
    }
    public func map(_ value: Double) -> Double {
        let lo = log10(domain.lowerBound), hi = log10(domain.upperBound)
        guard hi > lo, value.isFinite else { return range.0 }
        let v = log10(max(value, domain.lowerBound))
        return range.0 + (v - lo) / (hi - lo) * (range.1 - range.0)
    }
    public func withRange(_ range: (Double, Double)) -> LogScale { LogScale(domain: domain, range: range) }
}
