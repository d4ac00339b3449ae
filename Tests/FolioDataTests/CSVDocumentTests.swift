import Foundation
import TestSupport
import Testing
@testable import FolioData

/// The byte-level CSV path against SwiftCSV and Foundation (the general path) on ASCII files,
/// and the ASCII shortcuts of the number and whitespace helpers against their character versions.
@Suite struct CSVDocumentTests {
    static func outcome(_ body: () throws -> CSVDocument) -> Result<CSVDocument, DataError> {
        do { return .success(try body()) } catch let error as DataError { return .failure(error) } catch {
            return .failure(.unreadableFile(file: "?", reason: "\(error)"))
        }
    }

    static func expectSame(_ text: String, _ comment: String = "") {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return }
        let fast = outcome { try CSVDocument.parse(asciiBytes: bytes, file: "t.csv") }
        let general = outcome { try CSVDocument.parseWithSwiftCSV(text: text, file: "t.csv") }
        #expect(fast == general, "\(text.debugDescription) \(comment)")
        #expect(outcome { try CSVDocument.parse(text: text, file: "t.csv") } == general)
    }

    @Test func theProjectTables() throws {
        for name in ["population-2023.csv", "ncmec-2023-cybertipline-by-state.csv", "ncmec-2023-national.csv"] {
            let text = try String(contentsOfFile: TestData.path(name), encoding: .utf8)
            Self.expectSame(text, name)
            Self.expectSame(text.replacingOccurrences(of: "\n", with: "\r\n"), name)
        }
    }

    @Test func edgeCases() {
        for text in ["", "\n", "a", "a,", ",a", "a,b\n", "a,b\n\n\nc,d", "\"a,b\",c", "\"a\"\"b\",c", "\"a\nb\",c\nd,e",
                     "\"a\r\nb\",c\r\nd", "\"open", "x\"y,z", "\"ab\"c", "\"ab\" ,c", "\"ab\"\t\n", " a , b ", "\t\n",
                     "a\"\"b", "a\"b\"", "h1,h2\r\n1,2\r\n", "h\r\r\nx", "\"\"", "\"\"\"\"", "a,\"b\"\"\",c", "\u{0B}a,b\u{0C}"] {
            Self.expectSame(text)
        }
    }

    @Test func generatedFiles() {
        let pieces = ["geo", "name", "total", "MS", "Mississippi", "2939690", "1,234", "\"New, York\"", "\"a \"\"quoted\"\" b\"",
                      "\"open", "x\"y", "\"ab\"c", " ", "  ", "\t", ",", ",", ",", "\n", "\n", "\r\n", "\r", "\"", "\"\"", "",
                      "\u{0B}", "1 2", "-5", "\"line\nbreak\""]
        var random = SeededRandom(seed: 17)
        for index in 0..<2000 {
            let text = (0..<Int.random(in: 0...25, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            Self.expectSame(text, "#\(index)")
        }
    }

    @Test func asciiShortcutsAgreeWithTheCharacterVersions() {
        let pieces = ["1", "23", "456", ",", ".", "0", "12,345", "a", " ", "-", "1,2", "", "e5", "\t", "1234", ",000", "999", ".5"]
        var random = SeededRandom(seed: 23)
        for _ in 0..<10_000 {
            let token = (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(PublishedNumber.plainDigits(ascii: Array(token.utf8)) == PublishedNumber.plainDigits(characters: token), "\(token)")
            #expect(token.collapsingWhitespace == token.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        for text in ["", " ", "a  b", "\r\n a \t\u{0B}b\u{0C}", " x ", "tail\n", "caf\u{E9}  au lait", "a\u{A0}b"] {
            #expect(text.collapsingWhitespace == text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        #expect(PublishedNumber.plainDigits("٣,٤٥٦") == PublishedNumber.plainDigits(characters: "٣,٤٥٦"))
    }
}

/// Whole published numbers read in integers against the `Decimal` reading they shortcut.
@Suite struct PublishedNumberValueTests {
    @Test func wholeValuesAreTheDecimalValues() {
        var random = SeededRandom(seed: 31)
        var checked = 0
        for _ in 0..<20_000 {
            let wholeDigits = Int.random(in: 1...17, using: &random)
            var digits = String((0..<wholeDigits).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            if Bool.random(using: &random) {
                digits += "." + String((0..<Int.random(in: 1...7, using: &random)).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            }
            let scale = [1, 1_000, 1_000_000, 1_000_000_000].randomElement(using: &random)! as UInt64
            guard let whole = PublishedNumber.wholeValue(digits: digits, scale: scale) else { continue }
            checked += 1
            let decimal = PublishedNumber.decimalValue(digits: digits, scale: scale)
            #expect(whole.bitPattern == decimal?.bitPattern, "\(digits) × \(scale)")
        }
        #expect(checked > 5_000)
    }

    @Test func theSheetsNumbers() {
        for (text, value) in [("4,546", 4_546.0), ("36.2 million", 36_200_000), ("1.5 billion", 1_500_000_000), ("0.001 thousand", 1),
                              ("19", 19), ("007", 7), ("12.0", 12), ("9007199254740992", 9_007_199_254_740_992)] {
            #expect(PublishedNumber.parse(text)?.value == value, "\(text)")
        }
        #expect(PublishedNumber.wholeValue(digits: "36.25", scale: 1) == nil)
        #expect(PublishedNumber.wholeValue(digits: "9007199254740993", scale: 1) == nil)
        #expect(PublishedNumber.wholeValue(digits: "99999999999999999999", scale: 1) == nil)
        #expect(PublishedNumber.parse("36.25")?.value == 36.25)
        #expect(PublishedNumber.parse("12.3456 thousand")?.value == PublishedNumber.decimalValue(digits: "12.3456", scale: 1_000))
    }
}

/// Input validation: the standard library's UTF-8 check against the decoder that locates errors.
@Suite struct InputTextValidationTests {
    @Test func validationAgreesWithTheDecoder() {
        var random = SeededRandom(seed: 53)
        let pieces: [[UInt8]] = [[0x41], [0x20], [0x0A], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xF0, 0x9F, 0x98, 0x80], [0xFF], [0xC3],
                                 [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xF8]]
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0...12, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect(valid == (InputText.firstInvalidUTF8Byte(bytes[...]) == nil), "\(bytes)")
        }
    }
}
