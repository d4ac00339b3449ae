import Foundation
import TestSupport
import Testing
@testable import FolioData

/// CSV documents: SwiftCSV's quoting with the line and column of every field kept.
@Suite struct CSVDocumentTests {
    @Test func fieldsKeepTheirLineAndColumn() throws {
        let doc = try CSVDocument.parse(text: "name,count\n\n\"New, York\",12\n\"two\nlines\", 3 \n", file: "t.csv")
        expectEqual(doc.header.fields.map(\.text), ["name", "count"])
        expectEqual(doc.records.map(\.line), [3, 4])
        expectEqual(doc.records[0].fields.map(\.text), ["New, York", "12"])
        expectEqual(doc.records[0].fields.map(\.column), [1, 13])
        expectEqual(doc.records[1].fields.map(\.text), ["two\nlines", "3"])
        expectEqual(doc.records[1].location(1, file: "t.csv"), SourceLocation(file: "t.csv", line: 4, column: 1))
    }

    /// The byte paths for plain ASCII text give what the Character paths and Foundation give.
    @Test func plainTextShortcutsAgreeWithTheGeneralPaths() throws {
        for field in ["a", " a ", "\ta\t", "", " ", "a b", "\u{A0}x\u{A0}", "e\u{301}", "x\u{2003}", "\u{3000}"] {
            expectEqual(CSVDocument.trimmed(field), field.trimmingCharacters(in: .whitespaces), "\(Array(field.unicodeScalars))")
        }
        for text in ["a\nb\n", "a\n\nb", "a\r\nb", "a\rb", "a\u{2028}b\u{85}c", "a\u{0B}b\u{0C}c", "é\nb", ""] {
            expectEqual(CSVDocument.lines(of: text),
                        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init), "\(Array(text.unicodeScalars))")
        }
        // Columns count characters, not bytes, on a line that is not plain ASCII.
        let doc = try CSVDocument.parse(text: "name,n\n\"Zoë, Ann\",5\nBo,6\n", file: "t.csv")
        expectEqual(doc.records.map { $0.fields.map(\.column) }, [[1, 12], [1, 4]])
    }

    @Test func windowsLineEndsAndAByteOrderMarkReadTheSame() throws {
        let unix = try CSVDocument.parse(text: "a,b\n1,2\n", file: "t.csv")
        let windows = try CSVDocument.parse(text: "\u{FEFF}a,b\r\n1,2\r\n", file: "t.csv")
        expectEqual(windows.header.fields.map(\.text), unix.header.fields.map(\.text))
        expectEqual(windows.records.map { $0.fields.map(\.text) }, unix.records.map { $0.fields.map(\.text) })
        expectEqual(windows.records.map(\.line), [2])
    }

    @Test func shortRowsAreNotPaddedAndEmptyFilesAreRefused() throws {
        let doc = try CSVDocument.parse(text: "a,b,c\n1,2\n", file: "t.csv")
        expectEqual(doc.records[0].fields.count, 2)
        expect(throws: DataError.self) { try doc.records[0].expectFieldCount(3, file: "t.csv") }
        let empty = expect(throws: DataError.self) { try CSVDocument.parse(text: "\n\n", file: "t.csv") }
        expectEqual(empty.map { "\($0)" }?.contains("t.csv"), true)
    }

    @Test func numbersAndWhitespace() {
        for (token, digits) in [("1,234", "1234"), ("12,345.5", "12345.5"), ("007", "007"), (".5", nil), ("1,2", nil),
                                ("1234,000", nil), ("12.", nil), ("-5", nil), ("e5", nil), ("٣,٤٥٦", nil)] as [(String, String?)] {
            expectEqual(PublishedNumber.plainDigits(token), digits, "\(token)")
        }
        expectEqual("\r\n a \t\u{0B}b\u{0C}".collapsingWhitespace, "a b")
        expectEqual("caf\u{E9}  au\u{A0}lait ".collapsingWhitespace, "caf\u{E9} au lait")
    }
}

/// Published numbers, read through `Decimal` so any decimal is exact.
@Suite struct PublishedNumberValueTests {
    @Test func theSheetsNumbers() {
        for (text, value) in [("4,546", 4_546.0), ("36.2 million", 36_200_000), ("1.5 billion", 1_500_000_000), ("0.001 thousand", 1),
                              ("19", 19), ("007", 7), ("12.0", 12), ("9007199254740992", 9_007_199_254_740_992)] {
            expectEqual(PublishedNumber.parse(text)?.value, value, "\(text)")
        }
        expectEqual(PublishedNumber.parse("36.25")?.value, 36.25)
        expectEqual(PublishedNumber.parse("105 million", isLowerBound: true)?.qualifier, .lowerBound)
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
            expectEqual(valid, (InputText.firstInvalidUTF8Byte(bytes[...]) == nil), "\(bytes)")
        }
    }
}
