import Testing
import TestSupport
@testable import FolioAnalysis
import FolioData

/// Means of a column with Student t intervals; nothing reported gives "not reported".
struct MeanTests {
    func sample(_ text: String) throws -> Sample {
        try DataTable.parse(text: "x\n" + text, file: "x.csv", rowUnit: Unit("rows"), period: .year(2020),
                            units: ["x": Unit("g", singular: "g", plural: "g")]).sample("x")
    }

    @Test func meanAndStudentTInterval() throws {
        let v = try Mean(try sample("1\n2\n3\n4\n5\n"), label: "m").evaluate(step: "s")
        expectEqual(v.number, 3)
        let i = try require(v.interval)
        // sd = sqrt(2.5), t(4, 0.975) = 2.776
        let half = 2.776 * (2.5 / 5).squareRoot()
        expect(abs(i.lower - (3 - half)) < 1e-9 && abs(i.upper - (3 + half)) < 1e-9)
        expectEqual(i.method, .studentT)
        expectEqual(ValueFormatter.formatDefault(v), "3.0 g")
    }

    @Test func largeSamplesUseTheExpansion() {
        expect(abs(StudentT.quantile975(degreesOfFreedom: 100) - 1.98397) < 1e-4)
        expect(abs(StudentT.quantile975(degreesOfFreedom: 31) - 2.0395) < 1e-3)
    }

    @Test func missingCellsAreLeftOutAndAllMissingIsNotReported() throws {
        let some = try Mean(try sample("2\nNA\n4\n"), label: "m").evaluate(step: "s")
        expectEqual(some.number, 3)
        expect(some.provenance.formula.contains("1 not reported (line 3)"))
        var run = AnalysisRun(context: AnalysisContext(projectRoot: "/", dataFile: "x.csv"))
        let none = try run.set("m", Mean(try sample("NA\n\n"), label: "m"))
        expect(none.number == nil)
        expectEqual(ValueFormatter.formatDefault(none), "not reported")
    }
}
