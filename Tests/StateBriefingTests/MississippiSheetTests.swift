import Testing
import TestSupport
@testable import FolioData
@testable import StateBriefingKit

/// Every figure of the real Mississippi sheet, checked against the file's text.
///
/// Lines from `cat -n`; columns are the 1-based character index of the number in the raw line
/// (bold markers counted), computed independently with Python's `str.index`.
@Suite struct MississippiSheetTests {
    let sheet: FactSheet

    init() throws {
        sheet = try FactSheetParser.parse(
            contentsOf: TestData.path("ncmec-2023-mississippi.txt"),
            displayPath: "Analyses/Data/ncmec-2023-mississippi.txt", states: try TestData.directory())
    }

    @Test func identifiesTheState() {
        expectEqual(sheet.stateName, "Mississippi")
        expectEqual(sheet.stateCode, "MS")
        expectEqual(sheet.year, 2023)
        expectEqual(sheet.stateFigures.count, 10)
        expectEqual(sheet.nationalFigures.count, 11)
    }

    struct Expected: Sendable, CustomStringConvertible {
        var measure: String, geography: String, value: Double, unit: Unit, period: Period
        var qualifier: Qualifier, line: Int, column: Int
        var description: String { "\(geography) \(measure)" }
    }

    static let expected: [Expected] = [
        .init(measure: "cybertipline_reports", geography: "MS", value: 4_546, unit: .reports, period: .year(2023), qualifier: .exact, line: 13, column: 317),
        .init(measure: "cvip_submissions", geography: "MS", value: 29, unit: .submissions, period: .year(2023), qualifier: .exact, line: 15, column: 265),
        .init(measure: "missing_child_cases", geography: "MS", value: 103, unit: .cases, period: .year(2023), qualifier: .exact, line: 21, column: 24),
        .init(measure: "missing_from_social_services", geography: "MS", value: 72, unit: .cases, period: .year(2023), qualifier: .exact, line: 23, column: 48),
        .init(measure: "missing_other", geography: "MS", value: 18, unit: .cases, period: .year(2023), qualifier: .exact, line: 24, column: 30),
        .init(measure: "missing_hhs_orr", geography: "MS", value: 13, unit: .cases, period: .year(2023), qualifier: .exact, line: 25, column: 73),
        .init(measure: "trafficking_engagements", geography: "MS", value: 13, unit: .engagements, period: .year(2023), qualifier: .exact, line: 31, column: 106),
        .init(measure: "team_hope_supported", geography: "MS", value: 20, unit: .survivorsFamilies, period: .year(2023), qualifier: .exact, line: 35, column: 248),
        .init(measure: "mental_health_connections", geography: "MS", value: 12, unit: .connections, period: .year(2023), qualifier: .exact, line: 35, column: 502),
        .init(measure: "connect_new_users", geography: "MS", value: 161, unit: .users, period: .year(2023), qualifier: .exact, line: 41, column: 288),
        .init(measure: "cybertipline_reports", geography: "US", value: 36_200_000, unit: .reports, period: .year(2023), qualifier: .rounded, line: 13, column: 186),
        .init(measure: "cybertipline_content_pieces", geography: "US", value: 105_000_000, unit: .contentPieces, period: .year(2023), qualifier: .lowerBound, line: 13, column: 266),
        .init(measure: "cvip_children_identified", geography: "US", value: 27_130, unit: .children, period: .cumulative(through: 2023), qualifier: .exact, line: 15, column: 222),
        .init(measure: "missing_child_cases", geography: "US", value: 28_886, unit: .cases, period: .year(2023), qualifier: .exact, line: 19, column: 83),
        .init(measure: "missing_from_social_services", geography: "US", value: 22_442, unit: .cases, period: .year(2023), qualifier: .exact, line: 19, column: 111),
        .init(measure: "likely_trafficking_victims_percent", geography: "US", value: 19, unit: .percent, period: .year(2023), qualifier: .exact, line: 19, column: 317),
        .init(measure: "trafficking_reports", geography: "US", value: 18_400, unit: .reports, period: .year(2023), qualifier: .lowerBound, line: 29, column: 35),
        .init(measure: "team_hope_supported", geography: "US", value: 5_759, unit: .survivorsFamilies, period: .year(2023), qualifier: .exact, line: 35, column: 188),
        .init(measure: "team_adam_incidents", geography: "US", value: 57, unit: .incidents, period: .year(2023), qualifier: .exact, line: 37, column: 72),
        .init(measure: "team_adam_long_term_cases", geography: "US", value: 146, unit: .cases, period: .year(2023), qualifier: .exact, line: 37, column: 150),
        .init(measure: "connect_registered_users", geography: "US", value: 18_000, unit: .users, period: .cumulative(through: 2023), qualifier: .lowerBound, line: 41, column: 251),
    ]

    @Test(arguments: expected)
    func figure(_ e: Expected) throws {
        let figure = try require(sheet.figure(e.measure, geography: Geography(e.geography)))
        expectEqual(figure.value, e.value)
        expectEqual(figure.unit, e.unit)
        expectEqual(figure.period, e.period)
        expectEqual(figure.qualifier, e.qualifier)
        expectEqual(figure.source.line, e.line)
        expectEqual(figure.source.file, "Analyses/Data/ncmec-2023-mississippi.txt")
        expectEqual(figure.source.column, e.column)
        expect(!figure.excerpt.contains("**"))
        expect(!figure.excerpt.contains("  "))
        expect(!figure.label.isEmpty)
    }

    /// The column points at the number's first digit in the raw line (bold markers included).
    @Test func everyColumnPointsAtItsNumber() throws {
        let lines = try TestData.mississippiText().split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for figure in sheet.figures {
            let line = Array(lines[figure.source.line - 1])
            let character = line[figure.source.column - 1]
            expect(character.isNumber, "\(figure.measure) at \(figure.source) points at \(character)")
        }
    }

    @Test func excerptsAreTheSentenceOrRow() throws {
        let cyber = try sheet.require("cybertipline_reports", Geography("MS"))
        expectEqual(cyber.excerpt, "In 2023, 4,546 CyberTipline reports were made available to law enforcement in Mississippi.")
        let row = try sheet.require("missing_hhs_orr", Geography("MS"))
        expectEqual(row.excerpt, "Children Reported Missing by Office of Refugee Resettlement (HHS-ORR) : 13")
        // The sentence broken across a blank line (lines 29 and 31) is joined.
        let engagements = try sheet.require("trafficking_engagements", Geography("MS"))
        expectEqual(engagements.excerpt, "In 2023, NCMEC had 13 engagements with Mississippi social service agencies on cases involving child sex trafficking.")
        let worldwide = try sheet.require("cybertipline_reports", .us)
        expect(worldwide.label.contains("worldwide"))
    }

    @Test func requireDistinguishesUnknownFromUnreported() throws {
        expect(throws: DataError.self) { try sheet.require("no_such_measure", Geography("MS")) }
        do {
            _ = try sheet.require("cvip_children_identified", Geography("MS"))
            Issue.record("expected an error")
        } catch let error as DataError {
            guard case .missingFigure(_, let measure, _) = error else { Issue.record("\(error)"); return }
            expectEqual(measure, "cvip_children_identified")
        }
    }
}
