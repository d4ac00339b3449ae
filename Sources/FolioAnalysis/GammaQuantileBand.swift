import Foundation

/// A narrow interval around a gamma quantile, outside which the quantile bisection's comparisons
/// are certain and need not evaluate the incomplete gamma function.
///
/// Newton's method from the Wilson–Hilferty approximation finds the root x* of P(a, x) = p in a
/// few evaluations. The band is x* ± 4m / f(x*), with m = 1e-8 · min(p, 1 − p) and f the gamma
/// density, and it is kept only if P is below p − m at its lower end and above p + m at its
/// upper end. P is monotone and its computed value is off by about 1e-11 of itself at the
/// largest shapes the exact path sees (1e-12 below a few thousand), far inside m, so a point
/// below the band has P < p and a point above has P ≥ p exactly as evaluated: the bisection
/// takes the same steps and returns the same bits. Tests compare it with the plain bisection.
struct GammaQuantileBand {
    let lower: Double
    let upper: Double

    /// The band for P(shape, x) = probability, or nil when Newton does not settle or a check fails
    /// (the bisection then evaluates every step, as it always did).
    init?(shape a: Double, probability p: Double) {
        let margin = 1e-8 * min(p, 1 - p)
        guard margin > 0, let (root, density) = Self.newtonRoot(shape: a, probability: p, margin: margin) else { return nil }
        let halfWidth = 4 * margin / density
        let lower = root - halfWidth, upper = root + halfWidth
        guard lower > 0, halfWidth.isFinite,
              GammaDistribution.regularizedLower(shape: a, x: lower) < p - margin,
              GammaDistribution.regularizedLower(shape: a, x: upper) > p + margin else { return nil }
        self.lower = lower
        self.upper = upper
    }

    /// An approximate root of P(a, x) = p by Newton's method, and the density there; nil if the
    /// iteration leaves the domain. It stops once a step is under a 32nd of the band's half-width
    /// (4 · margin / density), far above the noise in P that a tighter tolerance would chase, or
    /// after 40 steps; the band's checks, not this root, decide whether the band is used.
    static func newtonRoot(shape a: Double, probability p: Double, margin: Double) -> (x: Double, density: Double)? {
        let logGamma: Double = lgamma(a)
        func density(_ x: Double) -> Double { exp(-x + (a - 1) * log(x) - logGamma) }
        let t = 1 - 1 / (9 * a) + normalQuantile(p) / (3 * a.squareRoot())
        var x = t > 0 ? a * t * t * t : a / 10
        guard x > 0, x.isFinite else { return nil }
        for _ in 0..<40 {
            let f = density(x)
            guard f > 0, f.isFinite else { return nil }
            var next = x - (GammaDistribution.regularizedLower(shape: a, x: x) - p) / f
            if !(next > 0) { next = x / 2 }
            guard next.isFinite else { return nil }
            let settled = abs(next - x) <= margin / (8 * f)
            x = next
            if settled { break }
        }
        let f = density(x)
        return f > 0 && f.isFinite ? (x, f) : nil
    }

    /// The standard normal quantile by Acklam's rational approximation (relative error about
    /// 1e-9): only a starting point for Newton.
    static func normalQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        func tail(_ q: Double) -> Double {
            (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let split = 0.02425
        if p < split { return tail((-2 * log(p)).squareRoot()) }
        if p > 1 - split { return -tail((-2 * log(1 - p)).squareRoot()) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
