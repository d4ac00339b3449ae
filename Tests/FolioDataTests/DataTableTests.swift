import Testing
import TestSupport
@testable import FolioData

/// Tables from CSV: locations on every cell, missing values kept missing, bad fields refused
/// at their place.
struct DataTableTests {
    let mm = Unit("mm", singular: "mm", plural: "mm")
    let csv = """
        species,island,bill_mm,depth_mm,sex
        Adelie,Biscoe,39.1,18.7,male
        Adelie,Dream,NA,NA,NA
        Gentoo,Biscoe,46.5,14.3,female
        Gentoo,Biscoe,,15.0,male
        """

    func table(_ text: String? = nil) throws -> DataTable {
        try DataTable.parse(text: text ?? csv, file: "birds.csv", rowUnit: Unit("birds", singular: "bird"),
                            period: .span(from: 2007, through: 2009), units: ["bill_mm": mm, "depth_mm": mm])
    }

    @Test func everyCellKnowsItsPlace() throws {
        let t = try table()
        let cell = try t.rows[2].cell("bill_mm")
        expectEqual(cell.location, SourceLocation(file: "birds.csv", line: 4, column: 15))
        expectEqual(try cell.number(), 46.5)
    }

    @Test func naAndEmptyAreMissingNotZero() throws {
        let t = try table()
        expect(try t.rows[1].number("bill_mm") == nil)
        expect(try t.rows[3].number("bill_mm") == nil)
        let sample = try t.sample("bill_mm")
        expectEqual(sample.values, [39.1, 46.5])
        expectEqual(sample.missing.map(\.line), [3, 5])
        expect(sample.description.contains("2 not reported (lines 3, 5)"))
        let sum = try t.sumFigure("bill_mm")
        expectEqual(sum.value, 39.1 + 46.5)
        expectEqual(sum.qualifier, .lowerBound, "a sum with missing cells is a lower bound")
        let none = try t.filter("island", equals: "Dream").sumFigure("bill_mm")
        expect(none.value == nil, "a sum of nothing reported is not reported, not zero")
    }

    @Test func filtersGroupsAndCountsSayWhichRows() throws {
        let t = try table()
        let biscoe = try t.filter("island", equals: "Biscoe")
        expectEqual(biscoe.count, 3)
        let groups = try biscoe.grouped(by: "species")
        expectEqual(groups.map(\.key), ["Adelie", "Gentoo"])
        expectEqual(groups.map(\.rows.count), [1, 2])
        let figure = groups[1].rows.countFigure()
        expectEqual(figure.value, 2)
        expectEqual(figure.unit, Unit("birds", singular: "bird"))
        expectEqual(figure.period, .span(from: 2007, through: 2009))
        expectEqual(figure.excerpt, "2 of 4 rows of birds.csv (lines 4–5) where island = Biscoe, species = Gentoo")
        expectEqual(try t.missing("sex").count, 1)
        expectEqual(try t.values(of: "sex"), ["male", "female"])
    }

    @Test func aRatioOfTwoColumnsLeavesOutIncompleteRows() throws {
        let sample = try table().sample(ratioOf: "bill_mm", to: "depth_mm")
        expectEqual(sample.values.count, 2)
        expect(abs(sample.values[0] - 39.1 / 18.7) < 1e-12)
        expectEqual(sample.unit.plural, "", "mm over mm has no unit")
    }

    @Test func aRaggedRowIsAnErrorAtItsLine() throws {
        expect(throws: TableError.raggedRow(at: SourceLocation(file: "birds.csv", line: 3), fields: 4, expected: 5)) {
            try table("species,island,bill_mm,depth_mm,sex\nAdelie,Biscoe,39.1,18.7,male\nAdelie,Dream,NA,NA\n")
        }
    }

    @Test func aWordInAMeasuredColumnIsAnErrorAtItsCell() throws {
        let error = expect(throws: TableError.self) {
            try table("species,island,bill_mm,depth_mm,sex\nAdelie,Biscoe,39.1,deep,male\n")
        }
        expectEqual(error, .notANumber(at: SourceLocation(file: "birds.csv", line: 2, column: 20), column: "depth_mm", found: "deep"))
        expectEqual(error?.description.hasPrefix("birds.csv:2:20: error: expected a number in column `depth_mm`"), true)
    }

    @Test func anUnknownColumnSuggestsTheNearestOne() throws {
        let error = expect(throws: TableError.self) { try table().filter("islnd", equals: "Biscoe") }
        expectEqual(error?.description.contains("did you mean `island`?"), true)
    }

    @Test func aJoinAddsTheOtherTablesColumnsByKey() throws {
        let sizes = try DataTable.parse(text: "island,area_km2\nBiscoe,10\nDream,2\n", file: "islands.csv",
                                        rowUnit: Unit("islands"), period: .year(2008), units: ["area_km2": Unit("km2")])
        let joined = try table().joined(with: sizes, on: "island")
        expectEqual(joined.columns.last, "area_km2")
        expectEqual(try joined.rows[1].number("area_km2"), 2)
        expectEqual(try joined.figure("area_km2", in: joined.rows[0]).source, SourceLocation(file: "islands.csv", line: 2, column: 8))
        let missing = try DataTable.parse(text: "island,area_km2\nBiscoe,10\n", file: "islands.csv",
                                          rowUnit: Unit("islands"), period: .year(2008))
        expect(throws: TableError.self) { try table().joined(with: missing, on: "island") }
    }
}
