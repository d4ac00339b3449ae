import Foundation
import Testing
import TestSupport
@testable import FolioData
@testable import StateBriefingKit

/// The template's one-pass expansion against replacing each placeholder in turn, as it was written.
@Suite struct FactSheetTemplateTests {
    static func replacingInTurn(_ pattern: String) -> String {
        pattern.replacingOccurrences(of: " ", with: #"\s+"#)
            .replacingOccurrences(of: "{NUM}", with: FactSheetTemplate.number.replacingOccurrences(of: " ", with: #"\s+"#))
            .replacingOccurrences(of: "{PCT}", with: FactSheetTemplate.percent)
            .replacingOccurrences(of: "{PLACE}", with: FactSheetTemplate.place)
            .replacingOccurrences(of: "{END}", with: FactSheetTemplate.end)
    }

    @Test func expansionIsReplacementInTurn() {
        let patterns = FactSheetTemplate.sentences.map(\.pattern) + FactSheetTemplate.tableRows.map(\.labelPattern)
            + [FactSheetTemplate.organisationPattern, FactSheetTemplate.headingPattern, FactSheetTemplate.listedBelowPattern,
               FactSheetTemplate.yearPattern, "", " ", "{NUM}{PCT}", "{NUM", "{{END}}", "a {PLACE} b{END}", "{num} {Pct}"]
        for pattern in patterns {
            expectEqual(FactSheetTemplate.expand(pattern), Self.replacingInTurn(pattern), "\(pattern)")
        }
    }

    @Test func compiledPatternsFollowTheTemplateOrder() {
        expectEqual(FactSheetTemplate.sentencePatterns.map(\.source), FactSheetTemplate.sentences.map { FactSheetTemplate.expand($0.pattern) })
        expectEqual(FactSheetTemplate.tableRowPatterns.count, FactSheetTemplate.tableRows.count)
        expectEqual(FactSheetTemplate.year.source, FactSheetTemplate.expand(FactSheetTemplate.yearPattern))
    }
}
