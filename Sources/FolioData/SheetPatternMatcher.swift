/// One backtracking search of a `SheetPattern` in a region of plain UTF-16 units.
///
/// Perl (and ICU) semantics: alternatives and quantifiers are tried in priority order and the
/// first complete match wins; captures are undone when the path that set them fails; look-arounds
/// are atomic and cannot see outside the region (NSRegularExpression's default opaque bounds).
final class SheetPatternMatcher {
    private let units: [UInt16]
    private let start: Int
    private let end: Int
    /// Start and end of each capture group, -1 while unset. Only this matcher's own calls touch
    /// it, one at a time, so dynamic exclusivity checks are turned off.
    @exclusivity(unchecked) private(set) var captures: [Int]

    init(units: [UInt16], region: Range<Int>, groupCount: Int) {
        self.units = units
        start = region.lowerBound
        end = region.upperBound
        captures = Array(repeating: -1, count: 2 * groupCount)
    }

    /// The end of the match of `node` starting at `position`, or nil; `captures` then hold its groups.
    func match(_ node: SheetPatternNode, at position: Int) -> Int? {
        for i in captures.indices { captures[i] = -1 }
        var matchEnd: Int?
        _ = match(node, position) { end in
            matchEnd = end
            return true
        }
        return matchEnd
    }

    /// Matches `node` at `p`, then the rest of the pattern through `next`.
    private func match(_ node: SheetPatternNode, _ p: Int, _ next: (Int) -> Bool) -> Bool {
        switch node {
        case .unit(let set):
            return p < end && set.contains(units[p]) && next(p + 1)
        case .literal(let sets):
            guard end - p >= sets.count else { return false }
            for k in sets.indices where !sets[k].contains(units[p + k]) { return false }
            return next(p + sets.count)
        case .sequence(let nodes):
            return sequence(nodes, 0, p, next)
        case .alternation(let branches):
            for branch in branches where match(branch, p, next) { return true }
            return false
        case .run(let set, let min, let max, let greedy, let follow):
            return run(set, min, max, greedy, follow, p, next)
        case .optional(let inner, let greedy):
            if greedy { return match(inner, p, next) || next(p) }
            return next(p) || match(inner, p, next)
        case .capture(let group, let inner):
            return match(inner, p) { e in
                let saved = (self.captures[2 * group], self.captures[2 * group + 1])
                self.captures[2 * group] = p
                self.captures[2 * group + 1] = e
                if next(e) { return true }
                self.captures[2 * group] = saved.0
                self.captures[2 * group + 1] = saved.1
                return false
            }
        case .lookahead(let inner, let negative):
            let saved = captures
            let found = match(inner, p) { _ in true }
            if negative {
                captures = saved
                return !found && next(p)
            }
            guard found else { return false }
            if next(p) { return true }
            captures = saved
            return false
        case .lookbehind(let set, let negative):
            let found = p > start && set.contains(units[p - 1])
            return found != negative && next(p)
        case .wordBoundary(let negated):
            let after = p < end && PlainText.isWord(units[p])
            let before = p > start && PlainText.isWord(units[p - 1])
            return (after != before) != negated && next(p)
        case .lineStart:
            return (p == start || (p < end && PlainText.isNewline(units[p - 1]))) && next(p)
        case .lineEnd:
            if p >= end { return next(p) }
            let unit = units[p]
            // Before a line terminator, but not between the CR and LF of one.
            guard PlainText.isNewline(unit), !(unit == 0x0A && p > start && units[p - 1] == 0x0D) else { return false }
            return next(p)
        }
    }

    private func sequence(_ nodes: [SheetPatternNode], _ i: Int, _ p: Int, _ next: (Int) -> Bool) -> Bool {
        if i == nodes.count { return next(p) }
        if i == nodes.count - 1 { return match(nodes[i], p, next) }
        return match(nodes[i], p) { e in self.sequence(nodes, i + 1, e, next) }
    }

    /// A run of units from `set`: longest first when greedy, shortest first when lazy. Lengths
    /// that stop before a unit `follow` lacks are skipped: the rest of the pattern would fail there.
    private func run(_ set: UnitSet, _ min: Int, _ max: Int?, _ greedy: Bool, _ follow: UnitSet?,
                     _ p: Int, _ next: (Int) -> Bool) -> Bool {
        let limit = Swift.min(end - p, max ?? Int.max)
        guard limit >= min else { return false }
        @inline(__always) func mayContinue(_ at: Int) -> Bool {
            guard let follow else { return true }
            return at < end && follow.contains(units[at])
        }
        if greedy {
            var count = 0
            while count < limit, set.contains(units[p + count]) { count += 1 }
            guard count >= min else { return false }
            while count >= min {
                if mayContinue(p + count), next(p + count) { return true }
                count -= 1
            }
            return false
        }
        var count = 0
        while count < min {
            guard set.contains(units[p + count]) else { return false }
            count += 1
        }
        while true {
            if mayContinue(p + count), next(p + count) { return true }
            guard count < limit, set.contains(units[p + count]) else { return false }
            count += 1
        }
    }
}
