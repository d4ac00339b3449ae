import Foundation
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
        let pieces = ["1", "23", "456", ",", ".", "0", "12,345", "a", " ", "-", "1,2", "", "e5", "\t"]
        var random = SeededRandom(seed: 23)
        for _ in 0..<3000 {
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
