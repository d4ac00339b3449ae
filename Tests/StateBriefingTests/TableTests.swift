import Testing
import TestSupport
@testable import FolioData
@testable import StateBriefingKit

/// The CSV tables: counts, Mississippi rows, positions and the errors of malformed copies.
@Suite struct TableTests {
    @Test func populationTable() throws {
        let table = try TestData.population()
        expectEqual(table.rows.count, 52)
        expectEqual(table.states.count, 50)
        expectEqual(table.statesAndDC.count, 51)
        expectEqual(table.directory.count, 51)
        expectEqual(table.directory.code(forName: "mississippi"), "MS")
        expectEqual(table.directory.code(forName: "District  of Columbia"), "DC")
        expectEqual(table.directory.name(forCode: "nh"), "New Hampshire")
        let ms = try require(table.row(code: "MS"))
        // population-2023.csv line 26: MS,Mississippi,2939690,2259864,679826
        expectEqual(ms.total.value, 2_939_690)
        expectEqual(ms.under18.value, 679_826)
        expectEqual(ms.age18Plus.value, 2_259_864)
        expectEqual(ms.total.source, SourceLocation(file: "Analyses/Data/population-2023.csv", line: 26, column: 16))
        expectEqual(ms.under18.source.column, 32)
        expectEqual(ms.under18.measure, "population_under_18")
        expectEqual(ms.total.unit, .people)
        expectEqual(ms.total.period, .pointInTime(year: 2023))
        expectEqual(ms.total.excerpt, "MS,Mississippi,2939690,2259864,679826")
        expectEqual(table.us.total.value, 334_914_895)
    }

    @Test func cyberTiplineByState() throws {
        let table = try CyberTiplineByStateTable.load(
            path: TestData.path("ncmec-2023-cybertipline-by-state.csv"), displayPath: "by-state.csv")
        expectEqual(table.rows.count, 52)
        expectEqual(table.states.count, 50)
        expectEqual(table.unspecified?.reports.value, 221_921)
        expectEqual(table.us.reports.value, 1_132_270)
        let ms = try require(table.row(code: "MS"))
        expectEqual(ms.reports.value, 6_008)
        expectEqual(ms.reports.measure, "cybertipline_reports_by_upload_state")
        expectEqual(ms.reports.period, .year(2023))
        expectEqual(ms.reports.source, SourceLocation(file: "by-state.csv", line: 26, column: 16))
    }

    @Test func nationalTable() throws {
        let table = try NationalTable.load(path: TestData.path("ncmec-2023-national.csv"), displayPath: "national.csv")
        expectEqual(table.rows.count, 9)
        let total = try table.require("cybertipline_reports_total")
        expectEqual(total.value, 36_210_368)
        expectEqual(total.geography, .us)
        expectEqual(total.unit, .reports)
        expectEqual(total.source.line, 2)
        expectEqual(table.rows.first?.citation.hasPrefix("NCMEC, CY 2023"), true)
        expectEqual(table.figure("missing_child_cases")?.value, 28_886)
        expect(throws: DataError.self) { try table.require("nope") }
    }

    static let header = "geo,name,total,age_18_plus,under_18\n"

    @Test func wrongHeader() {
        expect(throws: DataError.csvHeader(at: SourceLocation(file: "p.csv", line: 1), expected: PopulationTable.header,
                                            found: ["geo", "name", "total"])) {
            try PopulationTable.parse(text: "geo,name,total\nUS,United States,1\n", file: "p.csv")
        }
    }

    @Test func wrongFieldCount() {
        expect(throws: DataError.csvFieldCount(at: SourceLocation(file: "p.csv", line: 3), expected: 5, found: 4)) {
            try PopulationTable.parse(text: Self.header + "AK,Alaska,10,6,4\nAL,Alabama,10,6\n", file: "p.csv")
        }
    }

    @Test func nonNumericValue() {
        let error = DataError.csvInvalidField(at: SourceLocation(file: "p.csv", line: 2, column: 11), column: "total",
                                              expected: "a whole number", found: "ten")
        expect(throws: error) {
            try PopulationTable.parse(text: Self.header + "AK,Alaska,ten,6,4\n", file: "p.csv")
        }
        expectEqual(error.description, #"p.csv:2:11: error: expected a whole number in column "total", found "ten""#)
    }

    @Test func duplicateRow() {
        expect(throws: DataError.duplicateRow(at: SourceLocation(file: "p.csv", line: 4, column: 1), key: "AK", firstLine: 2)) {
            try PopulationTable.parse(text: Self.header + "AK,Alaska,10,6,4\nUS,United States,10,6,4\nAK,Alaska,10,6,4\n", file: "p.csv")
        }
    }

    @Test func rowsMustAddUp() {
        expect {
            try PopulationTable.parse(text: Self.header + "AK,Alaska,10,6,4\nAL,Alabama,5,3,2\nUS,United States,16,9,7\n", file: "p.csv")
        } throws: { error in
            guard let error = error as? DataError, case .partsDoNotAddUp(_, _, 15, let total, 16) = error else { return false }
            return total.line == 4
        }
        expect(throws: DataError.self) {
            try PopulationTable.parse(text: Self.header + "AK,Alaska,10,6,3\nUS,United States,10,6,3\n", file: "p.csv")
        }
    }

    @Test func missingUSRowAndEmptyFile() {
        expect(throws: DataError.missingRow(file: "p.csv", key: "US")) {
            try PopulationTable.parse(text: Self.header + "AK,Alaska,10,6,4\n", file: "p.csv")
        }
        expect(throws: DataError.emptyFile(file: "p.csv")) {
            try PopulationTable.parse(text: "", file: "p.csv")
        }
    }

    @Test func crlfAndBlankLinesKeepLineNumbers() throws {
        let text = Self.header.replacingOccurrences(of: "\n", with: "\r\n") + "\r\nAK,Alaska,10,6,4\r\nUS,United States,10,6,4\r\n"
        let table = try PopulationTable.parse(text: text, file: "p.csv")
        expectEqual(table.row(code: "AK")?.total.source.line, 3)
        expectEqual(table.us.total.source.line, 4)
    }

    @Test func nationalTableRejectsUnknownUnitAndPeriod() throws {
        let header = "measure,value,unit,period,source\n"
        expect(throws: DataError.self) { try NationalTable.parse(text: header + "x,1,widgets,2023,\"a, b\"\n", file: "n.csv") }
        expect(throws: DataError.self) { try NationalTable.parse(text: header + "x,1,reports,last year,s\n", file: "n.csv") }
        expect(throws: DataError.self) { try NationalTable.parse(text: header + "x,1,reports,2023,s\nx,2,reports,2023,s\n", file: "n.csv") }
        _ = try NationalTable.parse(text: header + "x,1,reports,cumulative to 2023,\"a, b\"\n", file: "n.csv")
    }
}

/// `PopulationTable.row(code:)` by its index against a search of the rows.
@Suite struct PopulationRowLookupTests {
    @Test func everyCodeFindsTheFirstRowWithIt() throws {
        let table = try TestData.population()
        for code in table.rows.map(\.code) + ["ms", "Dc", "us", "XX", "", "mS "] {
            expectEqual(table.row(code: code), table.rows.first { $0.code == code.uppercased() }, "\(code)")
        }
    }
}
