/// A 95% (or other level) interval around an estimate, with the method that produced it.
public struct Interval: Hashable, Sendable {
    /// How the interval was computed, for the methods appendix.
    public enum Method: String, Hashable, Sendable {
        /// Wilson score interval for a binomial proportion.
        case wilson
        /// Exact (Garwood) Poisson interval for a count, scaled for rates.
        case poissonExact = "poisson-exact"
        /// Derived from another interval by a fixed scale factor.
        case scaled
        /// Student's t interval for a mean.
        case studentT = "student-t"
    }
    public var lower: Double
    public var upper: Double
    public var level: Double
    public var method: Method
    public init(lower: Double, upper: Double, level: Double = 0.95, method: Method) {
        self.lower = lower; self.upper = upper; self.level = level; self.method = method
    }
    /// The interval multiplied by a positive constant (e.g. per 100,000).
    public func scaled(by factor: Double) -> Interval {
        Interval(lower: lower * factor, upper: upper * factor, level: level, method: method)
    }
    /// Human description of the method, for the methods appendix.
    public var methodDescription: String {
        switch method {
        case .wilson: return "Wilson score interval"
        case .poissonExact: return "exact (Garwood) Poisson interval"
        case .scaled: return "scaled interval"
        case .studentT: return "Student t interval for the mean"
        }
    }
}
