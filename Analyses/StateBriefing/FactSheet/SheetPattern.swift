import FolioData
import Foundation

/// A template pattern compiled for fast matching on plain text (see `PlainText`), with the same
/// matches `NSRegularExpression` finds with `.caseInsensitive` and `.anchorsMatchLines`.
///
/// The fact sheet's patterns are few and small and the text is a few kilobytes, so a plain
/// backtracking matcher over UTF-16 units does in microseconds what ICU does after building its
/// Unicode property tables. It declines (throws on compiling) any syntax outside the subset
/// `SheetPatternParser` documents; callers then use `NSRegularExpression`.
struct SheetPattern: Sendable {
    /// The pattern as written.
    let source: String
    /// What the matcher runs.
    let program: SheetProgram
    /// Capture groups by index: name, or nil for an unnamed group.
    let groupNames: [String?]
    /// Units a match can start with; nil when a match may consume nothing.
    let firstUnits: UnitSet?
    /// A one-unit look-behind the pattern opens with, checked before trying a position.
    let leadingLookbehind: (set: UnitSet, negative: Bool)?
    /// Whether the pattern opens with `^` before anything that consumes or branches. ICU then
    /// searches only the region's start and the positions after a line terminator, never the one
    /// between the CR and LF of a pair (where its `^` itself would match).
    let startsAtLines: Bool
    /// Runs of units every match contains, longest first: a region that lacks any of them has
    /// no match, which spares trying each of its positions.
    let requiredRuns: [UnitRunSearch]

    /// Compiles `source`; throws `SheetPatternParser.Unsupported` for syntax outside the subset.
    init(_ source: String) throws {
        var parser = SheetPatternParser(source)
        let root = try parser.parse()
        let first = root.first
        var leadingLookbehind: (set: UnitSet, negative: Bool)?
        if case .sequence(let nodes) = root, case .lookbehind(let set, let negative)? = nodes.first {
            leadingLookbehind = (set, negative)
        }
        self.init(source: source, program: SheetProgram(root), groupNames: parser.groupNames,
                  firstUnits: first.canBeEmpty ? nil : first.units, leadingLookbehind: leadingLookbehind,
                  startsAtLines: Self.opensWithLineStart(root) == true,
                  requiredRuns: Self.requiredRuns(root).map(UnitRunSearch.init))
    }

    /// A pattern given as its compiled parts (see `SheetPatternImage`).
    init(source: String, program: SheetProgram, groupNames: [String?], firstUnits: UnitSet?,
         leadingLookbehind: (set: UnitSet, negative: Bool)?, startsAtLines: Bool, requiredRuns: [UnitRunSearch]) {
        self.source = source; self.program = program; self.groupNames = groupNames; self.firstUnits = firstUnits
        self.leadingLookbehind = leadingLookbehind; self.startsAtLines = startsAtLines; self.requiredRuns = requiredRuns
    }

    /// The parse tree of `source`, for the analyses below and for tests.
    static func tree(_ source: String) throws -> SheetPatternNode {
        var parser = SheetPatternParser(source)
        return try parser.parse()
    }

    /// Every non-overlapping match in `region` of `units`, left to right. The units must be plain.
    func matches(in units: [UInt16], region: Range<Int>) -> [PatternMatch] {
        guard hasRequiredRuns(units, region) else { return [] }
        var found: [PatternMatch] = []
        let matcher = SheetPatternMatcher(program: program, units: units, region: region, groupCount: groupNames.count)
        var position = region.lowerBound
        while position <= region.upperBound {
            guard let (start, end) = nextMatch(matcher, units, region, from: position) else { break }
            found.append(makeMatch(matcher, start, end))
            position = end > start ? end : end + 1
        }
        return found
    }

    /// The first match in `region` of `units`, or nil. The units must be plain.
    func firstMatch(in units: [UInt16], region: Range<Int>) -> PatternMatch? {
        guard hasRequiredRuns(units, region) else { return nil }
        let matcher = SheetPatternMatcher(program: program, units: units, region: region, groupCount: groupNames.count)
        guard let (start, end) = nextMatch(matcher, units, region, from: region.lowerBound) else { return nil }
        return makeMatch(matcher, start, end)
    }

    /// The leftmost match starting at or after `position`.
    private func nextMatch(_ matcher: SheetPatternMatcher, _ units: [UInt16], _ region: Range<Int>,
                           from position: Int) -> (Int, Int)? {
        var start = position
        while start <= region.upperBound {
            if let firstUnits {
                // A match consumes at least one unit, and the first is one of these.
                while start < region.upperBound, !firstUnits.contains(units[start]) { start += 1 }
                if start >= region.upperBound { return nil }
            }
            if startsAtLines, start > region.lowerBound {
                // ICU's START_LINE search: after a line terminator, skipping from CR to after its LF.
                let before = units[start - 1]
                let isLineStart = PlainText.isNewline(before)
                    && !(before == 0x0D && start < region.upperBound && units[start] == 0x0A)
                if !isLineStart { start += 1; continue }
            }
            if let leadingLookbehind {
                let found = start > region.lowerBound && leadingLookbehind.set.contains(units[start - 1])
                if found == leadingLookbehind.negative { start += 1; continue }
            }
            if let end = matcher.match(at: start) { return (start, end) }
            start += 1
        }
        return nil
    }

    /// True when `node` reaches `^` before consuming or branching (ICU's "at start" analysis, in
    /// which captures, look-arounds, `\b` and `$` do not count), false when it consumes or branches
    /// first, nil when it is all zero-width without `^`.
    static func opensWithLineStart(_ node: SheetPatternNode) -> Bool? {
        switch node {
        case .lineStart: return true
        case .lookahead, .lookbehind, .wordBoundary, .lineEnd: return nil
        case .capture(_, let inner): return opensWithLineStart(inner)
        case .sequence(let nodes):
            for node in nodes { if let opens = opensWithLineStart(node) { return opens } }
            return nil
        case .unit, .literal, .run, .optional, .alternation: return false
        }
    }

    /// Whether every required run occurs in the region.
    private func hasRequiredRuns(_ units: [UInt16], _ region: Range<Int>) -> Bool {
        for run in requiredRuns where !run.occurs(in: units, region: region) { return false }
        return true
    }

    /// The longest of `requiredRuns(_:)`, or none.
    static func longestRequiredRun(_ node: SheetPatternNode) -> [UnitSet] { requiredRuns(node).first ?? [] }

    /// The runs of single units that every match of `node` spells out in a row, longest first
    /// (in pattern order among equals), found in the sequence of `node` and of the captures it
    /// must pass through (not in optional or alternative parts, and not across a repetition).
    static func requiredRuns(_ node: SheetPatternNode) -> [[UnitSet]] {
        var runs: [[UnitSet]] = []
        var run: [UnitSet] = []
        func close() {
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        func visit(_ node: SheetPatternNode) {
            switch node {
            case .unit(let set):
                run.append(set)
            case .literal(let sets):
                run += sets
            case .sequence(let nodes):
                for node in nodes { visit(node) }
            case .capture(_, let inner):
                close()
                visit(inner)
                close()
            case .lookahead, .lookbehind, .wordBoundary, .lineStart, .lineEnd:
                // Zero-width: what precedes and what follows are still adjacent.
                break
            case .alternation, .run, .optional:
                close()
            }
        }
        visit(node)
        close()
        // A stable sort: the longest run rules out most regions, so it is looked for first.
        return runs.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
    }

    private func makeMatch(_ matcher: SheetPatternMatcher, _ start: Int, _ end: Int) -> PatternMatch {
        var groups: [String: NSRange] = [:]
        for (index, name) in groupNames.enumerated() {
            guard let name else { continue }
            let groupStart = matcher.captures[2 * index], groupEnd = matcher.captures[2 * index + 1]
            groups[name] = groupStart < 0 ? PatternMatch.none : NSRange(location: groupStart, length: groupEnd - groupStart)
        }
        return PatternMatch(range: NSRange(location: start, length: end - start), groups: groups)
    }
}
