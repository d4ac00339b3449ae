import Foundation

/// The regularised incomplete gamma function and its inverse, for exact Poisson intervals.
/// Series and continued fraction after Numerical Recipes §6.2; the inverse by bisection,
/// which cannot fail to converge, its steps outside a narrow band around the root taken
/// without evaluating (`GammaQuantileBand`). Shapes above 100,000 use the Wilson–Hilferty
/// normal approximation, accurate to far better than the one decimal a briefing prints.
enum GammaDistribution {
    /// P(a, x): the probability that a Gamma(a, 1) variable is at most x.
    static func regularizedLower(shape a: Double, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x < a + 1 {
            var term = 1 / a, sum = term, n = a
            for _ in 0..<100_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return min(1, sum * exp(-x + a * log(x) - lgamma(a)))
        }
        return 1 - regularizedUpperContinuedFraction(shape: a, x: x)
    }

    /// Q(a, x) = 1 − P(a, x) by Lentz's continued fraction, valid for x ≥ a + 1.
    private static func regularizedUpperContinuedFraction(shape a: Double, x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return max(0, min(1, exp(-x + a * log(x) - lgamma(a)) * h))
    }

    /// The x with P(shape, x) = probability.
    static func quantile(shape a: Double, probability p: Double) -> Double {
        if a > 100_000 { return wilsonHilferty(shape: a, probability: p) }
        return bisectedQuantile(shape: a, probability: p, band: GammaQuantileBand(shape: a, probability: p))
    }

    /// The quantile by bisection to 1e-12; a `band` answers "is P(mid) below p?" for points
    /// outside it without evaluating P (nil: every step evaluates, the original algorithm).
    static func bisectedQuantile(shape a: Double, probability p: Double, band: GammaQuantileBand?) -> Double {
        func isBelow(_ x: Double) -> Bool {
            if let band {
                if x < band.lower { return true }
                if x > band.upper { return false }
            }
            return regularizedLower(shape: a, x: x) < p
        }
        var lo = 0.0
        var hi = max(1.0, a + 20 * a.squareRoot() + 40)
        while isBelow(hi) { hi *= 2 }
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if isBelow(mid) { lo = mid } else { hi = mid }
            if hi - lo <= 1e-12 * max(1, hi) { break }
        }
        return (lo + hi) / 2
    }

    private static func wilsonHilferty(shape a: Double, probability p: Double) -> Double {
        let z = (p < 0.5 ? -1.0 : 1.0) * IntervalEstimator.zScore(level: abs(1 - 2 * p))
        let t = 1 - 1 / (9 * a) + z / (3 * a.squareRoot())
        return a * t * t * t
    }
}
