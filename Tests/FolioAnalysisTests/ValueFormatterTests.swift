import Testing
import TestSupport
import FolioData
import FolioFormat
@testable import FolioAnalysis

struct ValueFormatterTests {
    let share = try! Proportion(Fixtures.figure("p", 72), of: Fixtures.figure("w", 103), label: "share").evaluate(step: "s")
    let count = try! Count(Fixtures.figure("c", 4546, unit: .reports)).evaluate(step: "s")

    @Test func percentAndCountInUSStyle() throws {
        expectEqual(try ValueFormatter.format(share, name: "s", filters: [FilterRequest(name: "percent")]), "69.9%")
        expectEqual(try ValueFormatter.format(share, name: "s", filters: [FilterRequest(name: "percent", argument: "2")]), "69.90%")
        expectEqual(try ValueFormatter.format(count, name: "c", filters: [FilterRequest(name: "count")]), "4,546")
        expectEqual(try ValueFormatter.format(share, name: "s", filters: [FilterRequest(name: "interval")]), "60.5% to 77.9%")
    }

    @Test func percentOfACountIsAMismatch() {
        expect(throws: FormatError.self) {
            try ValueFormatter.format(count, name: "c", filters: [FilterRequest(name: "percent")])
        }
    }

    @Test func unknownFilterIsNamed() {
        expect(throws: FormatError.unknownFilter("percnt")) {
            try ValueFormatter.format(share, name: "s", filters: [FilterRequest(name: "percnt")])
        }
    }

    @Test func lowerBoundsSayMoreThan() throws {
        let floor = try Count(Fixtures.figure("t", 18_400, geo: "US", unit: .reports, qualifier: .lowerBound)).evaluate(step: "s")
        expectEqual(ValueFormatter.formatDefault(floor), "more than 18,400")
    }

    @Test(arguments: [0.0, 0.5, 1.5, 999.5, 1234567.891, -2.5, 1e17])
    func groupedNumbersNeverContainNaNOrExponent(v: Double) {
        let s = NumberStyle.decimal(places: 1).format(v)
        expect(!s.contains("nan") && !s.contains("e"))
    }

    @Test func usGrouping() {
        expectEqual(NumberStyle.count.format(28886), "28,886")
        expectEqual(NumberStyle.count.format(36_210_368), "36,210,368")
        expectEqual(NumberStyle.decimal(places: 1).format(668.7), "668.7")
        expectEqual(NumberStyle.percent(places: 1).format(0.6990291), "69.9%")
        expectEqual(NumberStyle.compact(places: 1).format(36_200_000), "36.2 million")
        expectEqual(NumberStyle.count.format(.nan), "n/a")
        expectEqual(NumberStyle.count.format(-0.2), "0")
        expectEqual(NumberStyle.decimal(places: 2).format(0.005), "0.01")
    }
}

/// `count("noun")` and `words("noun")`: the noun in the right number, zero as "no", a figure not
/// reported in words; shares of a zero whole are "not defined", never a number.
struct CountedNounTests {
    func counted(_ n: Double?, _ filter: String = "count", _ noun: String = "engagement",
                 qualifier: Qualifier = .exact) throws -> String {
        var run = AnalysisRun(context: AnalysisContext(projectRoot: "/", dataFile: "x"))
        let value = try run.set("e", Count(Fixtures.figure("e", n, qualifier: qualifier)))
        return try ValueFormatter.format(value, name: "e", filters: [FilterRequest(name: filter, argument: noun)])
    }

    @Test func zeroOneAndMany() throws {
        expectEqual(try counted(0), "no engagements")
        expectEqual(try counted(1), "1 engagement")
        expectEqual(try counted(13), "13 engagements")
        expectEqual(try counted(4546, "count", "CyberTipline report"), "4,546 CyberTipline reports")
        expectEqual(try counted(1, "words"), "one engagement")
        expectEqual(try counted(3, "words"), "three engagements")
        expectEqual(try counted(0, "words"), "no engagements")
        expectEqual(try counted(12, "words"), "12 engagements")
    }

    @Test func irregularPluralsAfterASlash() throws {
        expectEqual(try counted(1, "count", "survivor or family/survivors and families"), "1 survivor or family")
        expectEqual(try counted(20, "count", "survivor or family/survivors and families"), "20 survivors and families")
        expectEqual(try counted(2, "count", "child/children"), "2 children")
    }

    @Test func notReportedAndLowerBoundsInWords() throws {
        expectEqual(try counted(nil), "an unreported number of engagements")
        expectEqual(try counted(18_400, qualifier: .lowerBound), "more than 18,400 engagements")
        // Without a noun, the old forms.
        var run = AnalysisRun(context: AnalysisContext(projectRoot: "/", dataFile: "x"))
        let missing = try run.set("e", Count(Fixtures.figure("e", nil)))
        expectEqual(try ValueFormatter.format(missing, name: "e", filters: [FilterRequest(name: "count")]), "not reported")
    }

    @Test(arguments: [("case", "cases"), ("match", "matches"), ("box", "boxes"), ("agency", "agencies"), ("day", "days"),
                      ("wish", "wishes"), ("bus", "buses"), ("new user", "new users")])
    func regularPlurals(singular: String, plural: String) {
        expectEqual(CountedNoun(singular).plural, plural)
    }

    @Test func aShareOfAZeroWholeIsNotDefinedOnlyWhenTheStepSaysSo() throws {
        var run = AnalysisRun(context: AnalysisContext(projectRoot: "/", dataFile: "x"))
        let share = Proportion(Fixtures.figure("p", 0), of: Fixtures.figure("w", 0), label: "share")
        expect(throws: MeasureError.self) { try run.set("a", share) }
        let value = try run.set("b", share, zeroWhole: .notDefined)
        expect(value.number == nil && value.isUndefined)
        expectEqual(ValueFormatter.formatDefault(value), "not defined")
        expectEqual(try ValueFormatter.format(value, name: "b", filters: [FilterRequest(name: "percent")]), "not defined")
        expectEqual(value.provenance.formula, "MS w is zero, so it cannot be a denominator")
    }
}
