import Foundation
import TestSupport
import Testing
@testable import FolioData
@testable import StateBriefingKit

/// `PlainText` restates, for its units only, what ICU, Foundation and the Swift standard library
/// say about characters; each statement is checked here against the library itself.
@Suite struct PlainTextTests {
    static let units: [UInt16] = Array(0..<0x80) + PlainText.extras

    static func string(_ units: UInt16...) -> String { String(decoding: units, as: UTF16.self) }

    /// The units of `universe` that `pattern` matches on its own, by ICU (case-insensitive, multi-line).
    static func icuMatches(_ pattern: String, among universe: [UInt16] = units) throws -> Set<UInt16> {
        let regex = try NSRegularExpression(pattern: "^(?:\(pattern))$", options: [.caseInsensitive, .anchorsMatchLines])
        var found: Set<UInt16> = []
        for unit in universe {
            let text = string(unit)
            if regex.firstMatch(in: text, range: NSRange(location: 0, length: 1)) != nil { found.insert(unit) }
        }
        return found
    }

    @Test func everyPlainUnitIsOneCharacterAndOneScalar() {
        for unit in Self.units {
            let text = Self.string(unit)
            #expect(text.count == 1 && text.unicodeScalars.count == 1, "unit \(unit)")
        }
    }

    @Test func plainUnitsNeverJoinIntoOneCharacterExceptCRLF() {
        for a in Self.units {
            for b in Self.units {
                let expected = a == 0x0D && b == 0x0A ? 1 : 2
                #expect(Self.string(a, b).count == expected, "units \(a) \(b)")
            }
        }
    }

    @Test func acceptsExactlyThePlainUnits() {
        for unit in UInt16(0)...UInt16(0x3000) {
            #expect(PlainText.contains(unit) == Self.units.contains(unit), "unit \(unit)")
        }
        #expect(PlainText.accepts(Array("In 2023, NCMEC’s “team” – 12 ...".utf16)))
        #expect(!PlainText.accepts(Array("Café".utf16)))
        #expect(!PlainText.accepts(Array("e\u{301}".utf16)))
        #expect(!PlainText.accepts(Array("\u{2028}".utf16)))
    }

    @Test func swiftCharacterPropertiesAgree() {
        for unit in Self.units {
            let character = Character(Self.string(unit))
            #expect(character.isWhitespace == PlainText.isSpace(unit), "isWhitespace \(unit)")
            #expect(character.isNewline == PlainText.isNewline(unit), "isNewline \(unit)")
            #expect(character.isLowercase == PlainText.isLowercase(unit), "isLowercase \(unit)")
            #expect(character.isLetter == PlainText.isLetter(unit), "isLetter \(unit)")
            let scalar = Unicode.Scalar(unit)!
            #expect(CharacterSet.whitespaces.contains(scalar) == PlainText.isHorizontalSpace(unit), "whitespaces \(unit)")
            let padded = Self.string(unit) + "x" + Self.string(unit)
            let trimmed = padded.trimmingCharacters(in: .whitespaces)
            #expect(trimmed == (PlainText.isHorizontalSpace(unit) ? "x" : padded), "trimming \(unit)")
        }
    }

    @Test func icuPropertySetsAgree() throws {
        let all = Set(Self.units)
        #expect(try Self.icuMatches(#"\s"#) == all.filter(PlainText.isSpace))
        #expect(try Self.icuMatches(#"\S"#) == all.filter { !PlainText.isSpace($0) })
        #expect(try Self.icuMatches(#"\d"#) == all.filter(PlainText.isDigit))
        #expect(try Self.icuMatches(#"\w"#) == all.filter(PlainText.isWord))
        for unit in Self.units {
            #expect(UnitSet.space.contains(unit) == PlainText.isSpace(unit))
            #expect(UnitSet.digit.contains(unit) == PlainText.isDigit(unit))
            #expect(UnitSet.word.contains(unit) == PlainText.isWord(unit))
        }
    }

    @Test func icuLineAnchorsSeeOnlyTheseTerminators() throws {
        let regex = try NSRegularExpression(pattern: "a$", options: [.caseInsensitive, .anchorsMatchLines])
        for unit in Self.units {
            let text = "a" + Self.string(unit) + "b"
            let matched = regex.firstMatch(in: text, range: NSRange(location: 0, length: 3)) != nil
            #expect(matched == PlainText.isNewline(unit), "unit \(unit)")
        }
    }

    /// Case-insensitive matching of one literal: ICU against `UnitSet.closedOverCase`.
    @Test func icuCaseFoldingOfLiteralsAgrees() throws {
        for literal in Self.units where literal >= 0x20 && literal < 0x7F {
            let pattern = NSRegularExpression.escapedPattern(for: Self.string(literal))
            let expected = Set(Self.units.filter { UnitSet([literal]).closedOverCase.contains($0) })
            #expect(try Self.icuMatches(pattern) == expected, "literal \(literal)")
        }
    }

    @Test func icuWordBoundaryUsesTheWordSet() throws {
        let regex = try NSRegularExpression(pattern: #"\b"#, options: [.caseInsensitive, .anchorsMatchLines])
        for unit in Self.units {
            let text = "a" + Self.string(unit)
            let boundary = regex.matches(in: text, range: NSRange(location: 0, length: 2)).contains { $0.range.location == 1 }
            #expect(boundary == !PlainText.isWord(unit), "unit \(unit)")
        }
    }

    @Test func stringsBuiltFromUnitsAreTheTranscodedOnes() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let units = (0..<Int.random(in: 0...40, using: &random)).map { _ in Self.units.randomElement(using: &random)! }
            #expect(PlainText.string(units) == String(decoding: units, as: UTF16.self))
            #expect(Array(PlainText.string(units).utf16) == units)
        }
    }

    @Test func unitSetsComplementAndCloseOverCaseWithinPlainText() {
        let set = UnitSet([0x41, 0x2E, 0x2019])
        for unit in Self.units {
            #expect(set.complement.contains(unit) == !set.contains(unit))
        }
        #expect(set.closedOverCase.contains(0x61))
        #expect(!UnitSet([0x2E]).closedOverCase.contains(0x0E))
        #expect(UnitSet(from: 0x41, through: 0x5A).closedOverCase == UnitSet(from: 0x41, through: 0x5A).union(UnitSet(from: 0x61, through: 0x7A)))
        #expect(UnitSet.all.complement.isEmpty)
    }
}

/// Listing a unit set's members.
@Suite struct UnitSetMembersTests {
    @Test func membersAreExactlyTheUnitsItContains() {
        let universe: [UInt16] = Array(0..<0x80) + PlainText.extras
        for set in [UnitSet.empty, .all, .space, .digit, .word, UnitSet.space.complement, UnitSet([0x41, 0x7F, 0x2026]),
                    UnitSet(0x3F).closedOverCase, UnitSet(0x71).closedOverCase] {
            var members: [UInt16] = []
            set.forEachMember { members.append($0) }
            #expect(members == universe.filter(set.contains))
        }
    }
}
