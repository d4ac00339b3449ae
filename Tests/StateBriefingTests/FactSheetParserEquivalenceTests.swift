import Foundation
import TestSupport
import Testing
@testable import FolioData
@testable import StateBriefingKit

/// The fast parse (plain text, `SheetPattern`) against the reference parse (character-by-character
/// text, `NSRegularExpression`): the same sheet, or the same error with the same message, on the
/// real sheet, the bad-input corpus and generated variants of the Mississippi sheet.
@Suite struct FactSheetParserEquivalenceTests {
    static func outcome(_ text: String, _ engine: TemplatePattern.Engine, states: StateDirectory) -> Result<FactSheet, ParseFailure> {
        do {
            return .success(try FactSheetParser.parse(text: text, file: "sheet.txt", states: states, engine: engine))
        } catch {
            return .failure(ParseFailure(message: "\(error)", dataError: error as? DataError))
        }
    }

    struct ParseFailure: Error, Equatable {
        var message: String
        var dataError: DataError?
    }

    static func expectSame(_ text: String, states: StateDirectory, _ comment: String = "") {
        let fast = outcome(text, .automatic, states: states)
        let reference = outcome(text, .reference, states: states)
        #expect(fast == reference, "\(comment)")
    }

    @Test func theMississippiSheet() throws {
        let states = try TestData.directory()
        let text = try TestData.mississippiText()
        Self.expectSame(text, states: states)
        #expect(try FactSheetParser.parse(text: text, file: "sheet.txt", states: states)
                == FactSheetParser.parse(text: text, file: "sheet.txt", states: states, engine: .reference))
    }

    @Test func theBadInputCorpus() throws {
        let states = try TestData.directory()
        let corpus = Repository.root + "/Tests/Corpus"
        let cases = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasPrefix("sheet-") }
        #expect(cases.count >= 15)
        for name in cases {
            guard let data = FileManager.default.contents(atPath: corpus + "/" + name + "/sheet.txt") else { continue }
            Self.expectSame(String(decoding: data, as: UTF8.self), states: states, name)
        }
    }

    @Test func generatedVariantsOfTheSheet() throws {
        let states = try TestData.directory()
        let lines = try TestData.mississippiText().components(separatedBy: "\n")
        let tokens = ["abc", "1,2345", "-5", "0", "n/a", "", "12 million", "more than 5", "99999999999999999999", "36.2 billion",
                      "1e5", "zero", "none", "104", "2022", "In 2021,", "Alabama", "New  Hampshire", "Narnia", "District of Columbia",
                      "**", ".", ":", "’", "–", "\u{A0}", "\t", "\r", "100%", "101%", "cases", "Mississippi.", "mississippi"]
        let spaces = [" ", "  ", "\t", "\u{A0}", "\n", "\r\n", " \n"]
        var random = SeededRandom(seed: 2024)
        for index in 0..<300 {
            var variant = lines
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let i = Int.random(in: 0..<variant.count, using: &random)
                var words = variant[i].components(separatedBy: " ")
                let w = Int.random(in: 0..<words.count, using: &random)
                switch Int.random(in: 0..<9, using: &random) {
                case 0: variant.remove(at: i)
                case 1: variant.insert(variant[i], at: i)
                case 2: variant.insert("", at: i)
                case 3: words[w] = tokens.randomElement(using: &random)!; variant[i] = words.joined(separator: " ")
                case 4: words[w] = words[w].uppercased(); variant[i] = words.joined(separator: " ")
                case 5: variant[i] = words.joined(separator: spaces.randomElement(using: &random)!)
                case 6: variant[i] = variant[i].replacingOccurrences(of: "**", with: "")
                case 7: variant[i] = variant[i].replacingOccurrences(of: "Mississippi", with: tokens.randomElement(using: &random)!)
                default: words.insert(tokens.randomElement(using: &random)!, at: w); variant[i] = words.joined(separator: " ")
                }
                if variant.isEmpty { variant = [""] }
            }
            Self.expectSame(variant.joined(separator: "\n"), states: states, "variant #\(index)")
        }
    }

    @Test func nonPlainSheetsStillParse() throws {
        let text = try TestData.mississippi(replacing: [("NCMEC's work", "NCMEC’s wörk")])
        let sheet = try TestData.sheet(text)
        #expect(sheet.stateCode == "MS")
        Self.expectSame(text, states: try TestData.directory())
    }
}
