import Foundation
import Testing
import TestSupport
@testable import FolioData
@testable import StateBriefingKit

/// Sheets written in the tests from the Mississippi text: other states, absent rows, odd values, bad input.
@Suite struct FactSheetVariantTests {
    @Test func stateOfSeveralWords() throws {
        let text = try TestData.mississippi(replacing: [("Mississippi", "New Hampshire")])
        let sheet = try TestData.sheet(text)
        expectEqual(sheet.stateName, "New Hampshire")
        expectEqual(sheet.stateCode, "NH")
        expectEqual(sheet.figure("cybertipline_reports", geography: Geography("NH"))?.value, 4_546)
        expectEqual(sheet.figure("connect_new_users", geography: Geography("NH"))?.value, 161)
        expectEqual(sheet.figure("mental_health_connections", geography: Geography("NH"))?.label.contains("New Hampshire"), true)
    }

    @Test func districtOfColumbiaWithLineBreaksInsideSentences() throws {
        let text = try TestData.mississippi(replacing: [
            ("Mississippi", "District of Columbia"),
            ("made available to law enforcement in", "made available to law\nenforcement in"),
        ])
        let sheet = try TestData.sheet(text)
        expectEqual(sheet.stateCode, "DC")
        expectEqual(sheet.figure("cybertipline_reports", geography: Geography("DC"))?.value, 4_546)
    }

    @Test func absentRowsAreNotReportedNotZero() throws {
        let text = try TestData.mississippi(replacing: [
            ("Children Reported Missing by Office of Refugee Resettlement (HHS-ORR) :\t13\n", ""),
            ("**In 2023, NCMEC connected 12 survivors/families to mental health services in Mississippi.**", ""),
        ])
        let sheet = try TestData.sheet(text)
        let row = try require(sheet.figure("missing_hhs_orr", geography: Geography("MS")))
        expect(row.value == nil)
        expect(!row.isReported)
        let connections = try require(sheet.figure("mental_health_connections", geography: Geography("MS")))
        expect(connections.value == nil)
        expectEqual(sheet.figure("missing_other", geography: Geography("MS"))?.value, 18)
        expect(throws: DataError.figureNotReported(at: row.source, measure: "missing_hhs_orr", geography: "MS")) {
            try sheet.require("missing_hhs_orr", Geography("MS"))
        }
    }

    @Test func zeroCounts() throws {
        let text = try TestData.mississippi(replacing: [
            ("103 cases", "90 cases"), ("(HHS-ORR) :\t13", "(HHS-ORR) :\t0"),
            ("had 13 engagements", "had 0 engagements"),
        ])
        let sheet = try TestData.sheet(text)
        expectEqual(sheet.figure("missing_hhs_orr", geography: Geography("MS"))?.value, 0)
        expectEqual(sheet.figure("trafficking_engagements", geography: Geography("MS"))?.value, 0)
        expectEqual(sheet.figure("missing_child_cases", geography: Geography("MS"))?.value, 90)
    }

    @Test func largeCountsWithSeparators() throws {
        let text = try TestData.mississippi(replacing: [
            ("4,546 CyberTipline", "1,234,567 CyberTipline"),
            ("103 cases", "12,345 cases"), ("Facility\t72", "Facility\t12,314"),
            ("36.2 million", "1.5 billion"),
        ])
        let sheet = try TestData.sheet(text)
        expectEqual(sheet.figure("cybertipline_reports", geography: Geography("MS"))?.value, 1_234_567)
        expectEqual(sheet.figure("missing_child_cases", geography: Geography("MS"))?.value, 12_345)
        expectEqual(sheet.figure("missing_from_social_services", geography: Geography("MS"))?.value, 12_314)
        let worldwide = try require(sheet.figure("cybertipline_reports", geography: .us))
        expectEqual(worldwide.value, 1_500_000_000)
        expectEqual(worldwide.qualifier, .rounded)
    }

    @Test func partsThatDoNotAddUpNameBothLinesAndSums() throws {
        let text = try TestData.mississippi(replacing: [("Other Missing Children Cases\t18", "Other Missing Children Cases\t17")])
        do {
            _ = try TestData.sheet(text, file: "ms.txt")
            Issue.record("expected a DataError")
        } catch let error as DataError {
            let message = error.description
            expect(message.hasPrefix("ms.txt:21:24: error:"))
            expect(message.contains("sum to 102"))
            expect(message.contains("total on line 21 says 103"))
            expect(message.contains("lines 23, 24, 25"))
        }
    }

    @Test func unparsableNumberNamesItsPosition() throws {
        let text = try TestData.mississippi(replacing: [("handled 103 cases", "handled abc cases")])
        expect(throws: DataError.unparsableNumber(at: SourceLocation(file: "ms.txt", line: 21, column: 24),
                                                   expected: #"a count after "handled""#, found: "abc")) {
            try TestData.sheet(text, file: "ms.txt")
        }
        let message = DataError.unparsableNumber(at: SourceLocation(file: "ms.txt", line: 21, column: 24),
                                                 expected: #"a count after "handled""#, found: "abc").description
        expectEqual(message, #"ms.txt:21:24: error: expected a count after "handled", found "abc""#)
    }

    @Test func badTableCellIsAnError() throws {
        let text = try TestData.mississippi(replacing: [("Cases\t18", "Cases\t1x8")])
        expect(throws: DataError.self) { try TestData.sheet(text) }
    }

    @Test func misplacedSeparatorsAreRejected() {
        expectEqual(PublishedNumber.parse("4,546")?.value, 4_546)
        expect(PublishedNumber.parse("45,46") == nil)
        expect(PublishedNumber.parse("1,2345") == nil)
        expectEqual(PublishedNumber.parse("36.2 million"), PublishedNumber(value: 36_200_000, qualifier: .rounded))
        expectEqual(PublishedNumber.parse("105 million", isLowerBound: true), PublishedNumber(value: 105_000_000, qualifier: .lowerBound))
    }

    @Test func textThatIsNotAFactSheet() {
        expect {
            try TestData.sheet("Quarterly sales rose 4% in 2023.\nNothing to see here.\n")
        } throws: { error in
            guard let error = error as? DataError, case .wrongFormat = error else { return false }
            return true
        }
    }

    @Test func emptyInput() throws {
        expect(throws: DataError.emptyFile(file: "empty.txt")) { try TestData.sheet("", file: "empty.txt") }
        expect(throws: DataError.emptyFile(file: "blank.txt")) { try TestData.sheet(" \n\n\t\n", file: "blank.txt") }
        let path = try temporaryFile([])
        expect(throws: DataError.emptyFile(file: "empty.txt")) {
            try FactSheetParser.parse(contentsOf: path, displayPath: "empty.txt", states: try TestData.directory())
        }
    }

    @Test func invalidUTF8Bytes() throws {
        let path = try temporaryFile(Array("The National Center\nfor Missing \u{00E9}".utf8) + [0xFF, 0xFE] + Array(" Data\n".utf8))
        expect(throws: DataError.invalidUTF8(at: SourceLocation(file: "bad.txt", line: 2, column: 15), byte: 0xFF)) {
            try FactSheetParser.parse(contentsOf: path, displayPath: "bad.txt", states: try TestData.directory())
        }
        let binary = try temporaryFile([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])
        expect(throws: DataError.binaryInput(at: SourceLocation(file: "sheet.pdf", line: 1, column: 5))) {
            try FactSheetParser.parse(contentsOf: binary, displayPath: "sheet.pdf", states: try TestData.directory())
        }
    }

    @Test func missingFileIsUnreadable() throws {
        expect(throws: DataError.self) {
            try FactSheetParser.parse(contentsOf: "/nonexistent/ms.txt", displayPath: "ms.txt", states: try TestData.directory())
        }
    }

    @Test func stateMissingFromTheDirectory() throws {
        let text = try TestData.mississippi(replacing: [("Mississippi", "Atlantis")])
        expect(throws: DataError.placeNotFound(at: SourceLocation(file: "sheet.txt", line: 5, column: 58), name: "state \"Atlantis\"",
                                                table: "the population table", expected: "one of the 50 states or DC")) {
            try TestData.sheet(text)
        }
        let noMississippi = StateDirectory([StateDirectory.Entry(code: "AL", name: "Alabama")])
        expect(throws: DataError.self) {
            try FactSheetParser.parse(text: try TestData.mississippiText(), file: "ms.txt", states: noMississippi)
        }
    }

    @Test func sentenceAboutAnotherStateIsAMismatch() throws {
        let text = try TestData.mississippi(replacing: [("in Mississippi.**", "in Alabama.**")])
        expect {
            try TestData.sheet(text)
        } throws: { error in
            guard let error = error as? DataError, case .placeMismatch(_, _, "Mississippi", "Alabama") = error else { return false }
            return true
        }
    }

    @Test func missingNationalFigureNamesItsKey() throws {
        let text = try TestData.mississippi(replacing: [("activated on 57 incidents", "activated for critically missing children")])
        expect {
            try TestData.sheet(text)
        } throws: { error in
            guard let error = error as? DataError, case .missingFigure(_, "team_adam_incidents", _) = error else { return false }
            return true
        }
    }

    @Test func yearIsReadFromTheSheet() throws {
        let text = try TestData.mississippi(replacing: [("2023", "2024")])
        let sheet = try TestData.sheet(text)
        expectEqual(sheet.year, 2024)
        expectEqual(sheet.figure("missing_other", geography: Geography("MS"))?.period, .year(2024))
        expectEqual(sheet.figure("cvip_children_identified", geography: .us)?.period, .cumulative(through: 2024))
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "folio-data-\(UUID().uuidString).txt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
