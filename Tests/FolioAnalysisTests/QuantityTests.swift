import Testing
import TestSupport
import FolioData
@testable import FolioAnalysis

/// Typed quantities: unit and kind of period in the type, so unlike comparisons do not compile,
/// and a figure read as the wrong type is refused when it is wrapped.
struct QuantityTests {
    @Test func wrapsAFigureOfTheDeclaredUnitAndPeriod() throws {
        let cases = try Quantity<Cases, Annual>(Fixtures.figure("missing_child_cases", 103))
        let social = try Quantity<Cases, Annual>(Fixtures.figure("missing_from_social_services", 72))
        let v = try Proportion(social, of: cases, label: "share").evaluate(step: "s")
        expect(abs((v.number ?? 0) - 72.0 / 103) < 1e-12)
    }

    @Test func refusesAFigureOfAnotherUnit() {
        expect(throws: QuantityError.self) {
            try Quantity<Reports, Annual>(Fixtures.figure("missing_child_cases", 103))
        }
    }

    @Test func refusesACumulativeTotalReadAsAnnual() {
        let registered = Fixtures.figure("connect_registered_users", 18_000, geo: "US", unit: .users,
                                         period: .cumulative(through: 2023), qualifier: .lowerBound)
        expect(throws: QuantityError.self) { try Quantity<Users, Annual>(registered) }
        expect((try? Quantity<Users, Cumulative>(registered)) != nil)
    }

    @Test func typedRateTakesAYearsCountPerMidYearPopulation() throws {
        let reports = try Quantity<Reports, Annual>(Fixtures.figure("cybertipline_reports", 4546, unit: .reports))
        let children = try Quantity<People, PointInTime>(
            Fixtures.figure("population_under_18", 679_826, unit: .people, period: .pointInTime(year: 2023)))
        let v = try Rate(reports, per: children, populationName: "children", label: "r").evaluate(step: "s")
        expect(abs((v.number ?? 0) - 668.7) < 0.05)
        // `Rate(reports, per: reports, ...)` or `Proportion(reports, of: children)` would not compile.
    }
}
