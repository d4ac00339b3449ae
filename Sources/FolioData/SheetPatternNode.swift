/// One construct of a compiled `SheetPattern`, with case-insensitivity already folded into its sets.
indirect enum SheetPatternNode: Sendable {
    /// One unit from the set.
    case unit(UnitSet)
    /// One unit from each set in turn: a word of the pattern, case-folded.
    case literal([UnitSet])
    /// Each node in turn.
    case sequence([SheetPatternNode])
    /// The first alternative that lets the rest match.
    case alternation([SheetPatternNode])
    /// `min` to `max` (nil: unbounded) units from the set, as many as possible first when greedy.
    /// `follow`, when known, holds every unit the rest of the pattern can start with (see
    /// `withFollowSets`): a run that stops before any other unit cannot lead to a match.
    case run(UnitSet, min: Int, max: Int?, greedy: Bool, follow: UnitSet?)
    /// The node or nothing, the node first when greedy (`?`, `??`); no other group repeats.
    case optional(SheetPatternNode, greedy: Bool)
    /// A capturing group (0-based index among the pattern's groups).
    case capture(Int, SheetPatternNode)
    /// `(?=…)` or `(?!…)`: atomic, consumes nothing.
    case lookahead(SheetPatternNode, negative: Bool)
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
        case .run(let set, let min, _, _, _):
            return (set, min == 0)
        case .optional(let node, _):
            return (node.first.units, true)
        case .capture(_, let node):
            return node.first
        case .lookahead, .lookbehind, .wordBoundary, .lineStart, .lineEnd:
            return (.empty, true)
        }
    }

    /// The node with each run's `follow` filled in, given what can follow the whole node
    /// (`units` it can start with, or nil when the rest may match nothing: the match can end).
    func withFollowSets(_ follow: UnitSet?) -> SheetPatternNode {
        switch self {
        case .run(let set, let min, let max, let greedy, _):
            return .run(set, min: min, max: max, greedy: greedy, follow: follow)
        case .sequence(let nodes):
            var after = follow
            var out = nodes
            for index in nodes.indices.reversed() {
                out[index] = nodes[index].withFollowSets(after)
                let head = nodes[index].first
                after = head.canBeEmpty ? after.map { $0.union(head.units) } : head.units
            }
            return .sequence(out)
        case .alternation(let branches):
            return .alternation(branches.map { $0.withFollowSets(follow) })
        case .optional(let node, let greedy):
            return .optional(node.withFollowSets(follow), greedy: greedy)
        case .capture(let group, let node):
            return .capture(group, node.withFollowSets(follow))
        case .lookahead(let node, let negative):
            // Inside a look-ahead the match may end anywhere.
            return .lookahead(node.withFollowSets(nil), negative: negative)
        case .unit, .literal, .lookbehind, .wordBoundary, .lineStart, .lineEnd:
            return self
        }
    }
}
