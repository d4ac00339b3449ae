import Foundation
import TestSupport
import Testing
@testable import FolioData
@testable import StateBriefingKit

/// `SheetPattern` against `NSRegularExpression` (case-insensitive, multi-line), the behaviour it
/// replaces: same matches, same group ranges, on the template's patterns and on patterns written
/// to exercise each construct, over the Mississippi sheet and generated plain text.
@Suite struct SheetPatternTests {
    /// Every pattern the parser matches.
    static let templatePatterns: [TemplatePattern] = FactSheetTemplate.sentencePatterns + FactSheetTemplate.tableRowPatterns
        + [FactSheetTemplate.organisation, FactSheetTemplate.heading, FactSheetTemplate.listedBelow, FactSheetTemplate.year]

    /// ICU's matches, as `TemplatePattern` reports them on the reference path.
    static func icu(_ regex: NSRegularExpression, names: [String], _ text: String, _ range: NSRange) -> [PatternMatch] {
        regex.matches(in: text, range: range).map { result in
            PatternMatch(range: result.range, groups: Dictionary(uniqueKeysWithValues: names.map { ($0, result.range(withName: $0)) }))
        }
    }

    /// Compares both engines on `texts`, over the whole text and over `subranges` random regions.
    static func compare(_ pattern: String, on texts: [String], subranges: Int = 2, seed: UInt64 = 1) throws {
        let compiled = try SheetPattern(pattern)
        let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive, .anchorsMatchLines])
        let names = TemplatePattern.namedGroups(in: pattern)
        #expect(names == compiled.groupNames.compactMap { $0 }, "group names of \(pattern)")
        var random = SeededRandom(seed: seed)
        for text in texts {
            let units = Array(text.utf16)
            guard PlainText.accepts(units) else { continue }
            var ranges = [NSRange(location: 0, length: units.count)]
            for _ in 0..<subranges where !units.isEmpty {
                let a = Int.random(in: 0...units.count, using: &random), b = Int.random(in: 0...units.count, using: &random)
                ranges.append(NSRange(location: min(a, b), length: abs(a - b)))
            }
            for range in ranges {
                let expected = icu(regex, names: names, text, range)
                let found = compiled.matches(in: units, region: range.location..<(range.location + range.length))
                #expect(found == expected, "pattern \(pattern) on \(text.debugDescription) in \(range)")
                if range.location == 0 && range.length == units.count {
                    #expect(compiled.firstMatch(in: units, region: 0..<units.count) == expected.first)
                }
            }
        }
    }

    // MARK: Inputs

    static let words = [
        "In", "2023", "2024", "NCMEC", "handled", "103", "cases", "case", "of", "missing", "children", "from", "Mississippi",
        "as", "follows", ":", ".", ",", ";", "!", "?", "more", "than", "greater", "over", "at", "least", "million", "thousand",
        "billion", "36.2", "4,546", "CyberTipline", "reports", "report", "were", "was", "made", "available", "to", "law",
        "enforcement", "in", "reviewed", "submissions", "submission", "had", "engagements", "with", "social", "service",
        "services", "agencies", "including", "survivors/families", "survivor", "/", "family", "families", "connected",
        "mental", "health", "new", "and", "child-serving", "professionals", "received", "containing", "pieces", "content",
        "reported", "identification", "on", "child", "which", "involved", "who", "run", "away", "a", "facility", "19%", "%",
        "percent", "these", "likely", "victims", "relating", "related", "sex", "trafficking", "Team", "HOPE", "supported",
        "activated", "incidents", "assistance", "long-term", "CONNECT", "registered", "users", "National", "Center", "for",
        "Exploited", "Data", "Listed", "below", "are", "specific", "statistics", "Children", "Missing", "From", "Social",
        "Facility", "Other", "Cases", "Reported", "by", "the", "Office", "Refugee", "Resettlement", "(HHS-ORR)", "(", ")",
        "72", "-", "n/a", "New Hampshire", "District of Columbia", "O'Brien", "**", "’", "“", "”", "–", "—", "•", "…", "_",
        "abc", "1,2345", "x", "In2023", "2023x", "12345",
    ]
    static let separators = [" ", " ", " ", "  ", "\t", "\u{A0}", "\n", "\r\n", "\r", " \n ", "", ". ", ", ", ": ", "; ", "\u{0B}", "\u{0C}"]

    /// Token soup from the template's vocabulary, in random case.
    static func soup(count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                var word = words.randomElement(using: &random)!
                switch Int.random(in: 0..<8, using: &random) {
                case 0: word = word.lowercased()
                case 1: word = word.uppercased()
                default: break
                }
                text += word + separators.randomElement(using: &random)!
            }
            return text
        }
    }

    /// The Mississippi sheet's lines and paragraphs, and its sentences with words dropped, doubled or swapped.
    static func sheetVariants(seed: UInt64) throws -> [String] {
        let text = try TestData.mississippiText()
        let sheet = SheetText(general: text)
        var out = sheet.lines.map(\.text) + sheet.paragraphs.map(\.text)
        var random = SeededRandom(seed: seed)
        for paragraph in sheet.paragraphs {
            let tokens = paragraph.text.split(separator: " ").map(String.init)
            for _ in 0..<12 where tokens.count > 2 {
                var mutated = tokens
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let i = Int.random(in: 0..<mutated.count, using: &random)
                    switch Int.random(in: 0..<5, using: &random) {
                    case 0: mutated.remove(at: i)
                    case 1: mutated.insert(mutated[i], at: i)
                    case 2: mutated[i] = words.randomElement(using: &random)!
                    case 3: mutated[i] = mutated[i].uppercased()
                    default: mutated[i] += separators.randomElement(using: &random)!
                    }
                    if mutated.isEmpty { break }
                }
                out.append(mutated.joined(separator: separators.randomElement(using: &random)!))
            }
        }
        return out
    }

    // MARK: Tests

    @Test func everyTemplatePatternCompiles() throws {
        for pattern in Self.templatePatterns {
            #expect(pattern.compiled != nil, "\(pattern.source)")
            #expect(try SheetPattern.tree(pattern.source).first.canBeEmpty == false, "\(pattern.source) could match nothing")
        }
    }

    @Test func templatePatternsMatchAsICUDoesOnTheSheet() throws {
        let texts = try Self.sheetVariants(seed: 11)
        for (index, pattern) in Self.templatePatterns.enumerated() {
            try Self.compare(pattern.source, on: texts, seed: UInt64(index))
        }
    }

    @Test func templatePatternsMatchAsICUDoesOnTokenSoup() throws {
        let texts = Self.soup(count: 400, seed: 3)
        for (index, pattern) in Self.templatePatterns.enumerated() {
            try Self.compare(pattern.source, on: texts, seed: UInt64(100 + index))
        }
    }

    @Test func theReferencePathIsNSRegularExpression() throws {
        let text = try TestData.mississippiText()
        let units = Array(text.utf16)
        let range = NSRange(location: 0, length: units.count)
        for pattern in Self.templatePatterns {
            let fast = try pattern.matches(in: text, units: units, range: range, plain: true, engine: .automatic)
            let reference = try pattern.matches(in: text, units: units, range: range, plain: true, engine: .reference)
            let regex = try NSRegularExpression(pattern: pattern.source, options: [.caseInsensitive, .anchorsMatchLines])
            #expect(reference == Self.icu(regex, names: pattern.groupNames, text, range))
            #expect(fast == reference, "\(pattern.source)")
            #expect(try pattern.matches(in: text, units: units, range: range, plain: false, engine: .automatic) == reference)
        }
    }

    /// Each construct, on a small alphabet where backtracking has many paths.
    @Test(arguments: [
        #"a*?b"#, #"a+b"#, #"(?<x>a|ab)(?<y>c|bcd)(?<z>d*)"#, #"^\s*(?<v>\S*)\s*$"#, #"(?<!\S)(?<w>\S+)"#,
        #"(?<=a)b"#, #"x(?=\s*(?:[.,]|$))"#, #"(?!ab)a\w"#, #"\bab\b"#, #"\Bb"#, #"a{2,3}?"#, #"a{2,}"#, #"a{2}b"#,
        #"(?:ab)?b"#, #"(?<q>b)??b"#, #"(?<p>[^.,]+?)\s+x"#, #"[A-Za-z\s+.'\-]*?\s+ab\s*$"#, #"(?<m>a(?<n>b)?)+?"#,
        #"^b|a$"#, #"[^\sa%]+\s*(?:%|\s+x)"#, #"\d{1,2}\D"#, #"(?<c>[.,;:!?]|$)"#, #"(a)(?<d>b)?c"#,
    ])
    func constructsMatchAsICUDoes(pattern: String) throws {
        // A repeated group is declined; everything else must agree with ICU.
        guard (try? SheetPattern(pattern)) != nil else {
            #expect(pattern == #"(?<m>a(?<n>b)?)+?"#)
            return
        }
        let alphabet = ["a", "b", "A", "B", "c", "d", "x", " ", "\t", "\n", "\r", "\r\n", ".", ",", "%", "1", "22", "_", "\u{A0}", "’", "-", "'", "+"]
        var random = SeededRandom(seed: 99)
        let texts = (0..<600).map { _ in
            (0..<Int.random(in: 0...14, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
        }
        try Self.compare(pattern, on: texts, subranges: 3)
    }

    @Test(arguments: [
        ".", "a.b", #"a{2}+"#, #"(a)+"#, #"(?:ab)*"#, #"(?i)a"#, #"\p{L}"#, #"[[a]]"#, #"[a&&b]"#, #"(?<=ab)c"#, #"\1"#,
        #"a++"#, #"[:alpha:]"#, #"[a-]"#, "é", #"\t"#, #"(?<n>a)(?<n>b)"#, #"a)"#, #"(a"#, #"[a"#, #"a{,2}"#, #"^*"#,
    ])
    func syntaxOutsideTheSubsetIsDeclined(pattern: String) {
        #expect(throws: SheetPatternParser.Unsupported.self) { try SheetPattern(pattern) }
    }

    @Test func templatePatternFallsBackToICUForDeclinedSyntax() throws {
        let pattern = TemplatePattern(#"(?<w>a.c)"#)
        #expect(pattern.compiled == nil)
        let text = "xabcx"
        let found = try pattern.matches(in: text, units: Array(text.utf16), range: NSRange(location: 0, length: 5),
                                        plain: true, engine: .automatic)
        #expect(found == [PatternMatch(range: NSRange(location: 1, length: 3), groups: ["w": NSRange(location: 1, length: 3)])])
    }

    @Test func requiredRunsComeFromTheMandatoryPart() throws {
        let letters = { (word: String) in word.utf16.map { UnitSet([$0]).closedOverCase } }
        #expect(SheetPattern.longestRequiredRun(try SheetPattern.tree(#"had\s+(?<n>\S+)\s+engagements?"#)) == letters("engagement"))
        #expect(SheetPattern.longestRequiredRun(try SheetPattern.tree(#"(?:abcdef)?xy|z"#)).isEmpty)
        #expect(SheetPattern.longestRequiredRun(try SheetPattern.tree(#"\bIn\s+(?<year>\d{4})\b"#)) == letters("in"))
        #expect(SheetPattern.requiredRuns(try SheetPattern.tree(#"of\s+these\s+(?:a|b)\s+likely(?<v>x)?"#))
                == [letters("likely"), letters("these"), letters("of")])
    }
}

/// The skipping search for a pattern's required run against looking at every position.
@Suite struct UnitRunSearchTests {
    static func naive(_ run: [UnitSet], _ units: [UInt16], _ region: Range<Int>) -> Bool {
        guard !run.isEmpty else { return true }
        var start = region.lowerBound
        while start + run.count <= region.upperBound {
            if run.indices.allSatisfy({ run[$0].contains(units[start + $0]) }) { return true }
            start += 1
        }
        return false
    }

    @Test func findsWhatAScanFinds() {
        let alphabet: [UInt16] = Array("abAB .,\t".utf16) + [0xA0, 0x2019]
        let sets: [UnitSet] = [UnitSet(0x61).closedOverCase, UnitSet(0x62).closedOverCase, .space, UnitSet([0x2E, 0x2C]),
                               UnitSet(0x2019), UnitSet.space.complement]
        var random = SeededRandom(seed: 41)
        for _ in 0..<4000 {
            let run = (0..<Int.random(in: 0...4, using: &random)).map { _ in sets.randomElement(using: &random)! }
            let units = (0..<Int.random(in: 0...30, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let a = Int.random(in: 0...units.count, using: &random), b = Int.random(in: 0...units.count, using: &random)
            let region = min(a, b)..<max(a, b)
            #expect(UnitRunSearch(run).occurs(in: units, region: region) == Self.naive(run, units, region))
        }
    }
}
