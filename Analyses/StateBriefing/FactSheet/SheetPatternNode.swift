import FolioData
/// One construct of a parsed `SheetPattern`, with case-insensitivity already folded into its sets.
/// Only the cases that hold a node are boxed, so a unit or a run costs no allocation.
enum SheetPatternNode: Sendable {
    /// One unit from the set.
    case unit(UnitSet)
    /// One unit from each set in turn: a word of the pattern, case-folded.
    case literal([UnitSet])
    /// Each node in turn.
    case sequence([SheetPatternNode])
    /// The first alternative that lets the rest match.
    case alternation([SheetPatternNode])
    /// `min` to `max` (nil: unbounded) units from the set, as many as possible first when greedy.
    case run(UnitSet, min: Int, max: Int?, greedy: Bool)
    /// The node or nothing, the node first when greedy (`?`, `??`); no other group repeats.
    indirect case optional(SheetPatternNode, greedy: Bool)
    /// A capturing group (0-based index among the pattern's groups).
    indirect case capture(Int, SheetPatternNode)
    /// `(?=…)` or `(?!…)`: atomic, consumes nothing.
    indirect case lookahead(SheetPatternNode, negative: Bool)
    /// `(?<=x)` or `(?<!x)` for a one-unit `x`.
    case lookbehind(UnitSet, negative: Bool)
    /// `\b` (or `\B` when negated).
    case wordBoundary(negated: Bool)
    /// Multi-line `^`.
    case lineStart
    /// Multi-line `$`.
    case lineEnd

    /// The units a match of this node can start with, and whether it can match without consuming any.
    var first: (units: UnitSet, canBeEmpty: Bool) {
        switch self {
        case .unit(let set):
            return (set, false)
        case .literal(let sets):
            return (sets[0], false)
        case .sequence(let nodes):
            var units = UnitSet.empty
            for node in nodes {
                let head = node.first
                units = units.union(head.units)
                if !head.canBeEmpty { return (units, false) }
            }
            return (units, true)
        case .alternation(let nodes):
            var units = UnitSet.empty, canBeEmpty = false
            for node in nodes {
                let head = node.first
                units = units.union(head.units)
                canBeEmpty = canBeEmpty || head.canBeEmpty
            }
            return (units, canBeEmpty)
        case .run(let set, let min, _, _):
            return (set, min == 0)
        case .optional(let node, _):
            return (node.first.units, true)
        case .capture(_, let node):
            return node.first
        case .lookahead, .lookbehind, .wordBoundary, .lineStart, .lineEnd:
            return (.empty, true)
        }
    }
}
