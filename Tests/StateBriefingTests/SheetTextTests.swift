import Foundation
import TestSupport
import Testing
@testable import FolioData
@testable import StateBriefingKit

/// The unit-by-unit arrangement of plain text against the character-by-character one.
@Suite struct SheetTextTests {
    static func expectSame(_ text: String, _ comment: String = "") {
        let units = Array(text.utf16)
        guard PlainText.accepts(units) else { return }
        let fast = SheetText(plainUnits: units), general = SheetText(general: text)
        #expect(fast.lines == general.lines, "lines of \(text.debugDescription) \(comment)")
        #expect(fast.paragraphs == general.paragraphs, "paragraphs of \(text.debugDescription) \(comment)")
        #expect(fast.isBlank == general.isBlank && fast.isBlank == text.allSatisfy(\.isWhitespace))
        #expect(fast.isPlain && general.isPlain)
    }

    @Test func theMississippiSheet() throws {
        let text = try TestData.mississippiText()
        Self.expectSame(text)
        Self.expectSame(text.replacingOccurrences(of: "\n", with: "\r\n"))
        Self.expectSame(text.replacingOccurrences(of: "\n", with: "\r"))
        #expect(SheetText(text).isPlain)
    }

    @Test func edgeCases() {
        for text in ["", " ", "\n", "\r\n", "\n\r", "\r\r\n", "**", "***", "a**b", "**a**", "a\n\nb", "a\n \t\u{A0}\nb",
                     "first part\n\ncontinues here.", "ends here.\n\nlower case", "no stop\n\n  \t lower", "no stop\n\nUpper",
                     "colon:\n\nlower", "x\u{0B}y\u{0C}z", "tail\n", "a ** b\n** c **", "“quoted”\n\n’tis\n\n–dash", "a\u{A0}\n\nb"] {
            Self.expectSame(text)
        }
    }

    @Test func generatedText() {
        let pieces = ["word", "Word", "lower", "In 2023,", "**", "*", ".", ":", "!", "?", " ", "  ", "\t", "\u{A0}", "\n", "\n\n",
                      "\r\n", "\r", "\n \n", "\u{0B}", "\u{0C}", "’", "—", "x", "1,234", "\u{1F}"]
        var random = SeededRandom(seed: 5)
        for index in 0..<1500 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            Self.expectSame(text, "#\(index)")
        }
    }

    @Test func nonPlainTextTakesTheGeneralPath() {
        let text = SheetText("Café.\n\nna\u{EF}ve")
        #expect(!text.isPlain)
        #expect(text.paragraphs.map(\.text) == ["Café.", "na\u{EF}ve"])
        #expect(text.paragraphs[1].units == Array("na\u{EF}ve".utf16))
    }
}
