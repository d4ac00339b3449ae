import FolioData
/// A compiled pattern as one flat array of steps that refer to each other by index.
///
/// The parse tree (`SheetPatternNode`) holds its children in arrays and boxes, and walking it
/// retained and released them at every step; these steps hold only numbers and unit sets, so
/// matching does no reference counting. Emitting them also fills in each run's `follow` set:
/// every unit the rest of the pattern can start with, or none when the rest may match nothing.
struct SheetProgram: Sendable {
    /// What a step does.
    enum Kind: UInt8, Sendable, Equatable {
        case unit, literal, sequence, alternation, run, optional, capture, lookahead, lookbehind
        case wordBoundary, lineStart, lineEnd
    }

    /// One step. Fields by kind:
    /// - unit, lookbehind: `set` (lookbehind: `flag` = negative);
    /// - literal: `sets[a..<a+b]`; sequence, alternation: `children[a..<a+b]`;
    /// - run: `set`, `a` = min, `b` = max (-1: unbounded), `flag` = greedy, `follow` when `hasFollow`;
    /// - optional: step `a`, `flag` = greedy; capture: group `a`, step `b`;
    /// - lookahead: step `a`, `flag` = negative; wordBoundary: `flag` = negated.
    struct Step: Sendable, Equatable {
        var kind: Kind
        var flag = false
        var hasFollow = false
        var a: Int32 = 0
        var b: Int32 = 0
        var set = UnitSet.empty
        var follow = UnitSet.empty
    }

    private(set) var steps: [Step] = []
    private(set) var sets: [UnitSet] = []
    private(set) var children: [Int32] = []
    /// The step a match starts with.
    private(set) var root: Int32 = 0

    /// The program for `node`.
    init(_ node: SheetPatternNode) {
        root = emit(node, follow: nil)
    }

    /// A program given as its parts (see `SheetPatternImage`).
    init(steps: [Step], sets: [UnitSet], children: [Int32], root: Int32) {
        self.steps = steps; self.sets = sets; self.children = children; self.root = root
    }

    /// Emits `node`, followed by something that starts with a unit of `follow` (nil: anything or
    /// nothing), and returns its step's index.
    private mutating func emit(_ node: SheetPatternNode, follow: UnitSet?) -> Int32 {
        switch node {
        case .unit(let set):
            return add(Step(kind: .unit, set: set))
        case .literal(let word):
            let start = Int32(sets.count)
            sets += word
            return add(Step(kind: .literal, a: start, b: Int32(word.count)))
        case .run(let set, let min, let max, let greedy):
            return add(Step(kind: .run, flag: greedy, hasFollow: follow != nil, a: Int32(min), b: Int32(max ?? -1),
                            set: set, follow: follow ?? .empty))
        case .sequence(let nodes):
            var after = follow
            var emitted = [Int32](repeating: 0, count: nodes.count)
            for index in nodes.indices.reversed() {
                emitted[index] = emit(nodes[index], follow: after)
                let head = nodes[index].first
                after = head.canBeEmpty ? after.map { $0.union(head.units) } : head.units
            }
            return addParent(.sequence, emitted)
        case .alternation(let branches):
            return addParent(.alternation, branches.map { emit($0, follow: follow) })
        case .optional(let inner, let greedy):
            let child = emit(inner, follow: follow)
            return add(Step(kind: .optional, flag: greedy, a: child))
        case .capture(let group, let inner):
            let child = emit(inner, follow: follow)
            return add(Step(kind: .capture, a: Int32(group), b: child))
        case .lookahead(let inner, let negative):
            // Inside a look-ahead the match may end anywhere.
            let child = emit(inner, follow: nil)
            return add(Step(kind: .lookahead, flag: negative, a: child))
        case .lookbehind(let set, let negative):
            return add(Step(kind: .lookbehind, flag: negative, set: set))
        case .wordBoundary(let negated):
            return add(Step(kind: .wordBoundary, flag: negated))
        case .lineStart:
            return add(Step(kind: .lineStart))
        case .lineEnd:
            return add(Step(kind: .lineEnd))
        }
    }

    private mutating func add(_ step: Step) -> Int32 {
        steps.append(step)
        return Int32(steps.count - 1)
    }

    private mutating func addParent(_ kind: Kind, _ emitted: [Int32]) -> Int32 {
        let start = Int32(children.count)
        children += emitted
        return add(Step(kind: kind, a: start, b: Int32(emitted.count)))
    }
}
