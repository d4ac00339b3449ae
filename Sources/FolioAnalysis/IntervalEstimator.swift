import Foundation

/// Confidence intervals for proportions and counts. Written here rather than taken from a
/// package because none of the allowed Swift packages offers the incomplete gamma function.
public enum IntervalEstimator {
    /// The two-sided standard normal quantile for the given level (0.95 → 1.959964).
    public static func zScore(level: Double) -> Double {
        level == 0.95 ? z95 : bisectedZScore(level: level)
    }

    /// The 95% z-score, bisected once per process: every Wilson interval asks for it.
    private static let z95 = bisectedZScore(level: 0.95)

    /// Inverts the normal CDF by bisection on erfc (Acklam-free), exact to 1e-12.
    static func bisectedZScore(level: Double) -> Double {
        let target = (1 - level) / 2
        var lo = 0.0, hi = 10.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if 0.5 * erfc(mid / 2.0.squareRoot()) > target { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    /// Wilson score interval for `successes` out of `trials`. Requires 0 ≤ successes ≤ trials and
    /// trials > 0; the bounds always lie in 0...1.
    public static func wilson(successes: Double, trials: Double, level: Double = 0.95) -> Interval {
        precondition(trials > 0 && successes >= 0 && successes <= trials, "wilson: invalid counts")
        let z = zScore(level: level)
        let n = trials, p = successes / trials
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z * ((p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()) / denominator
        return Interval(lower: max(0, centre - half), upper: min(1, centre + half), level: level, method: .wilson)
    }

    /// Exact (Garwood) Poisson interval for an observed count `k` ≥ 0: the lower bound is the
    /// α/2 quantile of Gamma(k, 1) (0 when k = 0), the upper the 1 − α/2 quantile of Gamma(k + 1, 1).
    /// Each count and level is computed once per process (`PoissonIntervalMemo`).
    public static func poissonExact(count k: Double, level: Double = 0.95) -> Interval {
        precondition(k >= 0 && k.isFinite, "poissonExact: invalid count")
        return PoissonIntervalMemo.shared.interval(count: k, level: level) { computedPoissonExact(count: k, level: level) }
    }

    /// `poissonExact` computed afresh.
    static func computedPoissonExact(count k: Double, level: Double) -> Interval {
        let alpha = 1 - level
        let lower = k == 0 ? 0 : GammaDistribution.quantile(shape: k, probability: alpha / 2)
        let upper = GammaDistribution.quantile(shape: k + 1, probability: 1 - alpha / 2)
        return Interval(lower: lower, upper: upper, level: level, method: .poissonExact)
    }
}
