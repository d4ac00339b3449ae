import Testing
import TestSupport
import FolioData
import FolioFormat
@testable import FolioAnalysis

struct MeasureTests {
    @Test func proportionOfSameUnitAndPeriod() throws {
        let part = Fixtures.figure("missing_from_social_services", 72)
        let whole = Fixtures.figure("missing_child_cases", 103)
        let v = try Proportion(part, of: whole, label: "share").evaluate(step: "missing")
        expect(abs((v.number ?? 0) - 72.0 / 103) < 1e-12)
        expectEqual(v.kind, .proportion)
        expectEqual(v.interval?.method, .wilson)
        expectEqual(v.provenance.step, "missing")
        expectEqual(v.provenance.figures.map(\.measure), ["missing_from_social_services", "missing_child_cases"])
    }

    @Test func proportionRefusesDifferentUnits() {
        let reports = Fixtures.figure("cybertipline_reports", 4546, unit: .reports)
        let children = Fixtures.figure("cvip_children_identified", 27130, geo: "US", unit: .children)
        expect(throws: MeasureError.incomparableUnits(part: reports, whole: children)) {
            try Proportion(reports, of: children, label: "x").evaluate(step: "s")
        }
    }

    @Test func proportionRefusesAnnualOverCumulative() {
        let newUsers = Fixtures.figure("connect_new_users", 161, unit: .users)
        let registered = Fixtures.figure("connect_registered_users", 18000, geo: "US", unit: .users,
                                         period: .cumulative(through: 2023), qualifier: .lowerBound)
        expect(throws: MeasureError.incomparablePeriods(part: newUsers, whole: registered)) {
            try Proportion(newUsers, of: registered, label: "x").evaluate(step: "s")
        }
    }

    @Test func declaredComparisonCarriesItsCaveatAndQualifier() throws {
        let newUsers = Fixtures.figure("connect_new_users", 161, unit: .users)
        let registered = Fixtures.figure("connect_registered_users", 18000, geo: "US", unit: .users,
                                         period: .cumulative(through: 2023), qualifier: .lowerBound)
        let v = try Proportion(newUsers, of: registered, label: "x",
                               caveat: "new users in 2023 set against all registered users").evaluate(step: "s")
        expectEqual(v.caveat, "new users in 2023 set against all registered users")
        expectEqual(v.qualifier, .lowerBound)
    }

    @Test func zeroDenominatorIsAnErrorNotNaN() {
        let part = Fixtures.figure("a", 0)
        let whole = Fixtures.figure("b", 0)
        expect(throws: MeasureError.zeroDenominator(whole)) {
            try Proportion(part, of: whole, label: "x").evaluate(step: "s")
        }
    }

    @Test func notReportedIsAnErrorForDerivedValuesButKeptForCounts() throws {
        let absent = Fixtures.figure("missing_hhs_orr", nil)
        let whole = Fixtures.figure("missing_child_cases", 103)
        expect(throws: MeasureError.notReported(absent)) {
            try Proportion(absent, of: whole, label: "x").evaluate(step: "s")
        }
        let count = try Count(absent).evaluate(step: "s")
        expect(count.number == nil)
        expectEqual(ValueFormatter.formatDefault(count), "not reported")
    }

    @Test func ratePerHundredThousandChildren() throws {
        let reports = Fixtures.figure("cybertipline_reports", 4546, unit: .reports)
        let children = Fixtures.figure("population_under_18", 679_826, unit: .people, period: .pointInTime(year: 2023))
        let v = try Rate(reports, per: children, populationName: "children", label: "rate").evaluate(step: "s")
        expect(abs((v.number ?? 0) - 668.7) < 0.05)
        expectEqual(try ValueFormatter.format(v, name: "r", filters: [FilterRequest(name: "per100k")]), "668.7 per 100,000 children")
        let interval = try require(v.interval)
        expect(interval.lower < 668.7 && 668.7 < interval.upper)
    }

    @Test(arguments: [100_000.0, 1_000, 1, 1_000_000, 250.5])
    func rateFormulaWritesTheScaleAsNumberStyleDoes(scale: Double) {
        expectEqual(Rate.scaleText(scale), NumberStyle.count.format(scale))
    }

    @Test func rateRefusesPopulationOfAnotherYear() {
        let reports = Fixtures.figure("cybertipline_reports", 4546, unit: .reports)
        let children = Fixtures.figure("population_under_18", 679_826, unit: .people, period: .pointInTime(year: 2020))
        expect(throws: MeasureError.incomparablePeriods(part: reports, whole: children)) {
            try Rate(reports, per: children, populationName: "children", label: "x").evaluate(step: "s")
        }
    }

    @Test func partLargerThanWholeIsRefused() {
        let part = Fixtures.figure("a", 104)
        let whole = Fixtures.figure("b", 103)
        expect(throws: MeasureError.partExceedsWhole(part: part, whole: whole)) {
            try Proportion(part, of: whole, label: "x").evaluate(step: "s")
        }
    }
}
