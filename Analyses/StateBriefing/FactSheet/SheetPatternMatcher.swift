import FolioData
/// One backtracking search of a `SheetPattern`'s program in a region of plain UTF-16 units.
///
/// Perl (and ICU) semantics: alternatives and quantifiers are tried in priority order and the
/// first complete match wins; captures are undone when the path that set them fails; look-arounds
/// are atomic and cannot see outside the region (NSRegularExpression's default opaque bounds).
/// Each step matches and then calls the rest of the pattern as a continuation.
final class SheetPatternMatcher {
    private let steps: [SheetProgram.Step]
    private let sets: [UnitSet]
    private let children: [Int32]
    private let root: Int
    private let units: [UInt16]
    private let start: Int
    private let end: Int
    /// Start and end of each capture group, -1 while unset. Only this matcher's own calls touch
    /// it, one at a time, so dynamic exclusivity checks are turned off.
    @exclusivity(unchecked) private(set) var captures: [Int]

    init(program: SheetProgram, units: [UInt16], region: Range<Int>, groupCount: Int) {
        steps = program.steps
        sets = program.sets
        children = program.children
        root = Int(program.root)
        self.units = units
        start = region.lowerBound
        end = region.upperBound
        captures = Array(repeating: -1, count: 2 * groupCount)
    }

    /// The end of the match starting at `position`, or nil; `captures` then hold its groups.
    func match(at position: Int) -> Int? {
        for i in captures.indices { captures[i] = -1 }
        var matchEnd: Int?
        _ = match(root, position) { end in
            matchEnd = end
            return true
        }
        return matchEnd
    }

    /// Matches step `index` at `p`, then the rest of the pattern through `next`.
    private func match(_ index: Int, _ p: Int, _ next: (Int) -> Bool) -> Bool {
        let step = steps[index]
        switch step.kind {
        case .unit:
            return p < end && step.set.contains(units[p]) && next(p + 1)
        case .literal:
            let first = Int(step.a), count = Int(step.b)
            guard end - p >= count else { return false }
            for k in 0..<count where !sets[first + k].contains(units[p + k]) { return false }
            return next(p + count)
        case .sequence:
            return sequence(Int(step.a), Int(step.a + step.b), p, next)
        case .alternation:
            for k in Int(step.a)..<Int(step.a + step.b) where match(Int(children[k]), p, next) { return true }
            return false
        case .run:
            return run(step, p, next)
        case .optional:
            if step.flag { return match(Int(step.a), p, next) || next(p) }
            return next(p) || match(Int(step.a), p, next)
        case .capture:
            let group = Int(step.a)
            return match(Int(step.b), p) { e in
                let saved = (self.captures[2 * group], self.captures[2 * group + 1])
                self.captures[2 * group] = p
                self.captures[2 * group + 1] = e
                if next(e) { return true }
                self.captures[2 * group] = saved.0
                self.captures[2 * group + 1] = saved.1
                return false
            }
        case .lookahead:
            let saved = captures
            let found = match(Int(step.a), p) { _ in true }
            if step.flag {
                captures = saved
                return !found && next(p)
            }
            guard found else { return false }
            if next(p) { return true }
            captures = saved
            return false
        case .lookbehind:
            let found = p > start && step.set.contains(units[p - 1])
            return found != step.flag && next(p)
        case .wordBoundary:
            let after = p < end && PlainText.isWord(units[p])
            let before = p > start && PlainText.isWord(units[p - 1])
            return (after != before) != step.flag && next(p)
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

    /// The sequence's children from position `k` of `children` up to `last`, then `next`.
    private func sequence(_ k: Int, _ last: Int, _ p: Int, _ next: (Int) -> Bool) -> Bool {
        if k == last { return next(p) }
        if k == last - 1 { return match(Int(children[k]), p, next) }
        return match(Int(children[k]), p) { e in self.sequence(k + 1, last, e, next) }
    }

    /// A run of units from the step's set: longest first when greedy, shortest first when lazy.
    /// Lengths that stop before a unit the step's `follow` lacks are skipped: the rest of the
    /// pattern would fail there.
    private func run(_ step: SheetProgram.Step, _ p: Int, _ next: (Int) -> Bool) -> Bool {
        let min = Int(step.a)
        let limit = step.b < 0 ? end - p : Swift.min(end - p, Int(step.b))
        guard limit >= min else { return false }
        let set = step.set
        @inline(__always) func mayContinue(_ at: Int) -> Bool {
            guard step.hasFollow else { return true }
            return at < end && step.follow.contains(units[at])
        }
        if step.flag {
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
