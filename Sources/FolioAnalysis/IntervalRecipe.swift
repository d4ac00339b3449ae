/// An interval known now, or how to compute it when it is first read.
///
/// Exact Poisson intervals cost a root-finding each, and a measure evaluated only for its number
/// (a rate in a ranking, say) never needs one. Count and Rate therefore hand their
/// interval over as a recipe; `AnalysisRun` resolves it when it stores the result, so every value
/// a run keeps carries its interval as before. Equality and hashing look at the interval only,
/// never at how it is (or will be) obtained.
enum IntervalRecipe: Sendable, Hashable {
    /// Already computed (or absent).
    case known(Interval?)
    /// `IntervalEstimator.poissonExact(count:)`, as a Count reports it.
    case poissonExact(count: Double)
    /// `IntervalEstimator.poissonExact(count:)` scaled by `factor`, as a Rate reports it.
    case scaledPoissonExact(count: Double, factor: Double)

    /// The interval, computed now when it is not known yet.
    var interval: Interval? {
        switch self {
        case .known(let interval): return interval
        case .poissonExact(let count): return IntervalEstimator.poissonExact(count: count)
        case .scaledPoissonExact(let count, let factor): return IntervalEstimator.poissonExact(count: count).scaled(by: factor)
        }
    }

    /// True when reading `interval` costs nothing.
    var isKnown: Bool {
        if case .known = self { return true }
        return false
    }

    /// The same interval, computed now and kept.
    var resolved: IntervalRecipe { isKnown ? self : .known(interval) }

    static func == (lhs: IntervalRecipe, rhs: IntervalRecipe) -> Bool { lhs.interval == rhs.interval }
    func hash(into hasher: inout Hasher) { hasher.combine(interval) }
}
