import Testing
import TestSupport
@testable import FolioAnalysis

/// The banded gamma quantile against the plain bisection it shortcuts: the same bits for every
/// shape and probability the exact Poisson intervals use, and more.
struct GammaQuantileTests {
    /// Lower and upper tail probabilities of 95%, 99% and 90% intervals, computed as poissonExact does.
    static let probabilities: [Double] = {
        var out: [Double] = []
        for level in [0.95, 0.99, 0.9] as [Double] {
            let alpha: Double = 1 - level
            out += [alpha / 2, 1 - alpha / 2]
        }
        return out
    }()

    static func expectSameBits(shape: Double) {
        for p in probabilities {
            let banded = GammaDistribution.quantile(shape: shape, probability: p)
            let plain = GammaDistribution.bisectedQuantile(shape: shape, probability: p, band: nil)
            expectEqual(banded.bitPattern, plain.bitPattern, "shape \(shape), p \(p): \(banded) vs \(plain)")
        }
    }

    @Test func everySmallShape() {
        for k in 1...400 { Self.expectSameBits(shape: Double(k)) }
    }

    @Test func sampledShapesUpToTheApproximation() {
        var k = 401
        while k <= 100_000 {
            Self.expectSameBits(shape: Double(k))
            k += k < 5_000 ? 53 : 2_011
        }
        for k in [4_546.0, 4_547, 6_008, 6_009, 22_442, 22_443, 27_130, 27_131, 28_886, 28_887, 99_999, 100_000] {
            Self.expectSameBits(shape: k)
        }
    }

    @Test func fractionalShapes() {
        for shape in [0.5, 1.5, 2.25, 7.75, 33.3, 1234.5] { Self.expectSameBits(shape: shape) }
    }

    @Test(arguments: [1.0, 13, 103, 4_546, 28_886, 99_999])
    func theBandHoldsTheQuantile(shape: Double) throws {
        for p in Self.probabilities {
            let band = try require(GammaQuantileBand(shape: shape, probability: p))
            let quantile = GammaDistribution.bisectedQuantile(shape: shape, probability: p, band: nil)
            expect(band.lower < quantile && quantile < band.upper)
            expect((band.upper - band.lower) / quantile < 1e-6)
        }
    }

    @Test func degenerateProbabilitiesHaveNoBand() {
        expect(GammaQuantileBand(shape: 10, probability: 0) == nil)
        expect(GammaQuantileBand(shape: 10, probability: 1) == nil)
    }

    @Test func normalQuantileApproximation() {
        expect(abs(GammaQuantileBand.normalQuantile(0.975) - 1.959963984540054) < 1e-8)
        expect(abs(GammaQuantileBand.normalQuantile(0.5)) < 1e-12)
        expect(abs(GammaQuantileBand.normalQuantile(0.005) + 2.5758293035489) < 1e-8)
    }
}

/// Remembered Poisson intervals are the computed ones.
struct PoissonIntervalMemoTests {
    @Test(arguments: [0.0, 1, 13, 103, 4_546, 150_000])
    func rememberedIntervalsAreTheComputedOnes(count: Double) {
        for level in [0.95, 0.9] {
            let first = IntervalEstimator.poissonExact(count: count, level: level)
            let again = IntervalEstimator.poissonExact(count: count, level: level)
            let computed = IntervalEstimator.computedPoissonExact(count: count, level: level)
            for interval in [first, again] {
                expectEqual(interval.lower.bitPattern, computed.lower.bitPattern)
                expectEqual(interval.upper.bitPattern, computed.upper.bitPattern)
                expect(interval.level == level && interval.method == .poissonExact)
            }
        }
    }

    @Test func levelsAreKeptApart() {
        let memo = PoissonIntervalMemo()
        let a = memo.interval(count: 5, level: 0.95) { Interval(lower: 1, upper: 2, level: 0.95, method: .poissonExact) }
        let b = memo.interval(count: 5, level: 0.9) { Interval(lower: 3, upper: 4, level: 0.9, method: .poissonExact) }
        let c = memo.interval(count: 5, level: 0.95) { Interval(lower: 9, upper: 9, level: 0.95, method: .poissonExact) }
        expect(a.lower == 1 && b.lower == 3 && c.lower == 1)
    }
}
