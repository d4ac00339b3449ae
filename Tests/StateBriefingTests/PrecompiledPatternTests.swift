import Foundation
import TestSupport
import Testing
@testable import FolioData
@testable import StateBriefingKit

/// The template's patterns ship compiled (`FactSheetTemplate+Precompiled.swift`); the images
/// must be exactly what compiling the current patterns gives, and unpack to the same patterns.
@Suite struct PrecompiledPatternTests {
    static let file = Repository.root + "/Analyses/StateBriefing/FactSheet/FactSheetTemplate+Precompiled.swift"

    @Test func theCheckedInImagesAreCurrent() throws {
        let expected = SheetPatternImage.swiftSource(for: FactSheetTemplate.patternSources)
        let current = try String(contentsOfFile: Self.file, encoding: .utf8)
        if current != expected, ProcessInfo.processInfo.environment["FOLIO_REGENERATE_PATTERNS"] != nil {
            try expected.write(toFile: Self.file, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == expected, "stale; run FOLIO_REGENERATE_PATTERNS=1 swift test --filter PrecompiledPatternTests")
    }

    @Test func everyTemplatePatternIsPrecompiledAndUnpacksToItsCompiledForm() throws {
        var table: [UnitSet] = []
        for source in FactSheetTemplate.patternSources {
            let compiled = try SheetPattern(source)
            let unpacked = try #require(FactSheetTemplate.precompiled(source), "\(source)")
            #expect(SheetPatternImage.encode(unpacked, sets: &table) == SheetPatternImage.encode(compiled, sets: &table))
            #expect(unpacked.program.steps == compiled.program.steps)
            #expect(unpacked.program.sets == compiled.program.sets)
            #expect(unpacked.program.children == compiled.program.children)
            #expect(unpacked.program.root == compiled.program.root)
            #expect(unpacked.groupNames == compiled.groupNames)
            #expect(unpacked.firstUnits == compiled.firstUnits)
            #expect(unpacked.leadingLookbehind?.set == compiled.leadingLookbehind?.set)
            #expect(unpacked.leadingLookbehind?.negative == compiled.leadingLookbehind?.negative)
            #expect(unpacked.startsAtLines == compiled.startsAtLines)
            #expect(unpacked.requiredRuns.map(\.run) == compiled.requiredRuns.map(\.run))
        }
        #expect(FactSheetTemplate.sentencePatterns.allSatisfy { FactSheetTemplate.precompiled($0.source) != nil })
    }

    @Test func imagesRoundTripForOtherPatterns() throws {
        for source in [#"a*?b"#, #"(?<x>a|ab)(?<y>c|bcd)(?<z>d*)"#, #"^\s*(?<v>\S*)\s*$"#, #"x(?=\s*(?:[.,]|$))"#, #"(?!ab)a\w"#,
                       #"\bab\b"#, #"a{2,3}?"#, #"(a)(?<d>b)?c"#, #"(?<=a)b"#] {
            var table: [UnitSet] = []
            let compiled = try SheetPattern(source)
            let image = try #require(SheetPatternImage.encode(compiled, sets: &table))
            let unpacked = try #require(SheetPatternImage.decode(image, sets: table, source: source, groupNames: compiled.groupNames))
            #expect(SheetPatternImage.encode(unpacked, sets: &table) == image, "\(source)")
            #expect(unpacked.program.steps == compiled.program.steps, "\(source)")
        }
        #expect(SheetPatternImage.decode([1], sets: [], source: "", groupNames: []) == nil)
        #expect(SheetPatternImage.decode([1, 0, 99], sets: [], source: "", groupNames: []) == nil)
    }

    @Test func aPatternNotInTheTableIsCompiledAtRunTime() {
        #expect(FactSheetTemplate.precompiled(#"not(?<a>one)of\s+them"#) == nil)
        #expect(TemplatePattern(#"not(?<a>one)of\s+them"#).compiled != nil)
    }
}
