import Testing
import FolioData
import FolioFormat
@testable import FolioAnalysis

struct ValueFormatterTests {
    let share = try! Proportion(Fixtures.figure("p", 72), of: Fixtures.figure("w", 103), label: "share").evaluate(step: "s")
    let count = try! Count(Fixtures.figure("c", 4546, unit: .reports)).evaluate(step: "s")

    @Test func percentAndCountInUSStyle() throws {
        #expect(try ValueFormatter.format(share, name: "s", filters: [FilterRequest(name: "percent")]) == "69.9%")
        #expect(try ValueFormatter.format(share, name: "s", filters: [FilterRequest(name: "percent", argument: "2")]) == "69.90%")
        #expect(try ValueFormatter.format(count, name: "c", filters: [FilterRequest(name: "count")]) == "4,546")
        #expect(try ValueFormatter.format(share, name: "s", filters: [FilterRequest(name: "interval")]) == "60.5% to 77.9%")
    }

    @Test func percentOfACountIsAMismatch() {
        #expect(throws: FormatError.self) {
            try ValueFormatter.format(count, name: "c", filters: [FilterRequest(name: "percent")])
        }
    }

    @Test func unknownFilterIsNamed() {
        #expect(throws: FormatError.unknownFilter("percnt")) {
            try ValueFormatter.format(share, name: "s", filters: [FilterRequest(name: "percnt")])
        }
    }

    @Test func lowerBoundsSayMoreThan() throws {
        let floor = try Count(Fixtures.figure("t", 18_400, geo: "US", unit: .reports, qualifier: .lowerBound)).evaluate(step: "s")
        #expect(ValueFormatter.formatDefault(floor) == "more than 18,400")
    }

    @Test(arguments: [0.0, 0.5, 1.5, 999.5, 1234567.891, -2.5, 1e17])
    func groupedNumbersNeverContainNaNOrExponent(v: Double) {
        let s = NumberStyle.decimal(places: 1).format(v)
        #expect(!s.contains("nan") && !s.contains("e"))
    }

    @Test func usGrouping() {
        #expect(NumberStyle.count.format(28886) == "28,886")
        #expect(NumberStyle.count.format(36_210_368) == "36,210,368")
        #expect(NumberStyle.decimal(places: 1).format(668.7) == "668.7")
        #expect(NumberStyle.percent(places: 1).format(0.6990291) == "69.9%")
        #expect(NumberStyle.compact(places: 1).format(36_200_000) == "36.2 million")
        #expect(NumberStyle.count.format(.nan) == "n/a")
        #expect(NumberStyle.count.format(-0.2) == "0")
        #expect(NumberStyle.decimal(places: 2).format(0.005) == "0.01")
    }
}
