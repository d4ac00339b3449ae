import Foundation
import Testing
import TestSupport
@testable import StateBriefingKit

/// How a sheet's text is arranged into lines and paragraphs, with every character's position.
@Suite struct SheetTextTests {
    @Test func boldMarkersGoAndPositionsStayOnTheSource() {
        let text = SheetText("**In 2023, 4,546** reports.")
        expectEqual(text.lines.map(\.text), ["In 2023, 4,546 reports."])
        // "4" of 4,546 is column 12 of the source line (after the two-character marker).
        let offset = (text.lines[0].text as NSString).range(of: "4,546").location
        expectEqual(text.lines[0].positions[offset], SheetText.Position(line: 1, column: 12))
    }

    @Test func blankLinesSeparateParagraphsAndBrokenSentencesAreMended() {
        let text = SheetText("First line\nsame paragraph.\n\nNext one.\n\nno stop here\n\nand it continues.\n\nColon:\n\nlower")
        expectEqual(text.paragraphs.map(\.text), [
            "First line same paragraph.", "Next one.", "no stop here and it continues.", "Colon:", "lower",
        ])
    }

    @Test func windowsAndOldMacLineEndsReadTheSame() {
        let unix = SheetText("a\n\nb c\nd")
        for ending in ["\r\n", "\r"] {
            let other = SheetText("a\n\nb c\nd".replacingOccurrences(of: "\n", with: ending))
            expectEqual(other.paragraphs.map(\.text), unix.paragraphs.map(\.text))
            expectEqual(other.lines.map(\.number), unix.lines.map(\.number))
        }
    }

    @Test func nonASCIITextKeepsItsCharacters() {
        let text = SheetText("Café.\n\nna\u{EF}ve")
        expectEqual(text.paragraphs.map(\.text), ["Café.", "na\u{EF}ve"])
        expectEqual(text.paragraphs[1].units, Array("na\u{EF}ve".utf16))
        expect(!text.isBlank && SheetText(" \n\t").isBlank)
    }

    @Test func aSentenceRangeDoesNotSplitAtADecimalPoint() {
        let paragraph = SheetText("First. It received 36.2 million reports. Last.").paragraphs[0]
        let at = (paragraph.text as NSString).range(of: "36.2")
        expectEqual(paragraph.string(paragraph.sentenceRange(around: at)).trimmingCharacters(in: .whitespaces), "It received 36.2 million reports.")
    }
}
