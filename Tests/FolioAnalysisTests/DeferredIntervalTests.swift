import Testing
import TestSupport
import FolioData
@testable import FolioAnalysis

/// Count and Rate defer their exact Poisson intervals; a run resolves them when it stores the
/// result, and the interval read either way is the eagerly computed one, bit for bit.
struct DeferredIntervalTests {
    static let children = Fixtures.figure("population_under_18", 679_826, unit: .people, period: .pointInTime(year: 2023))

    static func bits(_ interval: Interval?) -> [UInt64]? {
        interval.map { [$0.lower.bitPattern, $0.upper.bitPattern, $0.level.bitPattern] }
    }

    @Test(arguments: [0.0, 1, 13, 103, 4546, 28_886, 150_000])
    func countIntervalIsTheEagerOne(count: Double) throws {
        let value = try Count(Fixtures.figure("missing_child_cases", count)).evaluate(step: "s")
        expect(!value.intervalRecipe.isKnown)
        let eager = IntervalEstimator.poissonExact(count: count)
        expectEqual(Self.bits(value.interval), Self.bits(eager))
        expectEqual(value.interval?.method, .poissonExact)
    }

    @Test(arguments: [0.0, 1, 13, 4546, 6008, 99_999, 1_234_567])
    func rateIntervalIsTheEagerOneScaled(count: Double) throws {
        let reports = Fixtures.figure("cybertipline_reports", count, unit: .reports)
        let value = try Rate(reports, per: Self.children, populationName: "children", label: "r").evaluate(step: "s")
        expect(!value.intervalRecipe.isKnown)
        let eager = IntervalEstimator.poissonExact(count: count).scaled(by: 100_000 / 679_826)
        expectEqual(Self.bits(value.interval), Self.bits(eager))
    }

    @Test func countsWithoutAnIntervalAreKnownAtOnce() throws {
        let rounded = Fixtures.figure("cybertipline_reports", 36_200_000, geo: "US", unit: .reports, qualifier: .rounded)
        let value = try Count(rounded).evaluate(step: "s")
        expect(value.intervalRecipe.isKnown)
        expect(value.interval == nil)
        expect(try Count(Self.children, withInterval: false).evaluate(step: "s").interval == nil)
    }

    @Test func aRunStoresResolvedIntervals() throws {
        var run = AnalysisRun(context: AnalysisContext(projectRoot: "/nonexistent", dataFile: "sheet.txt"))
        let reports = Fixtures.figure("cybertipline_reports", 4546, unit: .reports)
        let rate = Rate(reports, per: Self.children, populationName: "children", label: "r")
        try run.set("count", Count(reports))
        try run.set("rate", rate)
        try run.set("ready", value: try rate.evaluate(step: "s"))
        for name in ["count", "rate", "ready"] {
            let stored = try run.require(name)
            expect(stored.intervalRecipe.isKnown, "\(name) should be stored resolved")
        }
        expectEqual(Self.bits(try run.require("rate").interval), Self.bits(IntervalEstimator.poissonExact(count: 4546).scaled(by: 100_000 / 679_826)))
    }

    @Test func deferredAndResolvedValuesAreEqualAndHashAlike() throws {
        let value = try Count(Fixtures.figure("missing_child_cases", 103)).evaluate(step: "s")
        let resolved = value.resolvingInterval
        expect(resolved.intervalRecipe.isKnown)
        expectEqual(value, resolved)
        expectEqual(value.hashValue, resolved.hashValue)
        var other = resolved
        other.interval = Interval(lower: 0, upper: 1, method: .poissonExact)
        expect(other != value)
    }
}
