import Testing
import TestSupport
@testable import FolioAnalysis

/// Intervals checked against SciPy: `chi2.ppf(0.025, 2k)/2`, `chi2.ppf(0.975, 2k+2)/2`, and the
/// closed-form Wilson interval.
struct IntervalTests {
    @Test(arguments: [
        (0.0, 0.0, 3.6888794541139354),
        (1.0, 0.025317807984289876, 5.571643390938898),
        (10.0, 4.7953886961324335, 18.39035604201778),
        (13.0, 6.921952491003801, 22.230395918158873),
        (29.0, 19.421755137547937, 41.6488374385866),
        (4546.0, 4414.801015212283, 4680.10779480001),
    ])
    func poissonExactMatchesChiSquareQuantiles(k: Double, lower: Double, upper: Double) {
        let i = IntervalEstimator.poissonExact(count: k)
        expect(abs(i.lower - lower) <= 1e-6 * max(1, lower))
        expect(abs(i.upper - upper) <= 1e-6 * max(1, upper))
        expectEqual(i.method, .poissonExact)
    }

    @Test func poissonLargeCountUsesAccurateApproximation() {
        let i = IntervalEstimator.poissonExact(count: 2_000_000)
        expect(abs(i.lower - 1997229.1396258022) < 1)
        expect(abs(i.upper - 2002773.755372962) < 1)
    }

    @Test func wilsonMatchesClosedForm() {
        let i = IntervalEstimator.wilson(successes: 72, trials: 103)
        expect(abs(i.lower - 0.6046054631486112) < 1e-9)
        expect(abs(i.upper - 0.7791407010516357) < 1e-9)
    }

    @Test func wilsonWithZeroSuccessesStartsAtZero() {
        let i = IntervalEstimator.wilson(successes: 0, trials: 10)
        expectEqual(i.lower, 0)
        expect(abs(i.upper - 0.2775327998628892) < 1e-9)
    }

    @Test func zScoreFor95Percent() {
        expect(abs(IntervalEstimator.zScore(level: 0.95) - 1.959963984540054) < 1e-9)
    }

    @Test(arguments: [0.5, 0.8, 0.9, 0.95, 0.99, 0.999])
    func zScoreIsTheBisectedValueBitForBit(level: Double) {
        expectEqual(IntervalEstimator.zScore(level: level).bitPattern, IntervalEstimator.bisectedZScore(level: level).bitPattern)
    }

    @Test(arguments: [0.0, 1, 2, 5, 50, 500, 5000, 50000, 150_000])
    func poissonIntervalsAreFiniteAndOrdered(k: Double) {
        let i = IntervalEstimator.poissonExact(count: k)
        expect(i.lower.isFinite && i.upper.isFinite)
        expect(i.lower <= k && k <= i.upper)
        expect(i.lower >= 0)
    }
}
