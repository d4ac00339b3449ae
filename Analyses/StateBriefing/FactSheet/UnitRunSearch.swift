import FolioData
/// Finds a run of unit sets (one unit from each, in a row) in plain text, Boyer–Moore–Horspool
/// style: the window jumps by how far the unit under its last position sits from the run's end.
///
/// A pattern's required runs (`SheetPattern.requiredRuns`) are looked for in every paragraph
/// before any position is tried; a plain scan touched every unit, this touches about one in the
/// run's length.
struct UnitRunSearch: Sendable {
    let run: [UnitSet]
    /// How far to move the window when a unit sits under its last position, by `slot(_:)`.
    private let shifts: [Int]

    init(_ run: [UnitSet]) {
        self.run = run
        var shifts = Array(repeating: max(run.count, 1), count: Self.slotCount)
        for (index, set) in run.dropLast().enumerated() {
            set.forEachMember { shifts[Self.slot($0)] = run.count - 1 - index }
        }
        self.shifts = shifts
    }

    /// Whether the run occurs in `region` of `units` (always, for an empty run).
    func occurs(in units: [UInt16], region: Range<Int>) -> Bool {
        let length = run.count
        guard length > 0 else { return true }
        guard let last = run.last else { return true }
        var start = region.lowerBound
        while start + length <= region.upperBound {
            let unit = units[start + length - 1]
            if last.contains(unit) {
                var k = length - 2
                while k >= 0, run[k].contains(units[start + k]) { k -= 1 }
                if k < 0 { return true }
            }
            start += shifts[Self.slot(unit)]
        }
        return false
    }

    private static let slotCount = 0x80 + PlainText.extras.count + 1

    /// A unit's place in the shift table: ASCII, then the extras, then one slot for anything else.
    @inline(__always)
    private static func slot(_ unit: UInt16) -> Int {
        if unit < 0x80 { return Int(unit) }
        return 0x80 + (PlainText.extraIndex(unit) ?? PlainText.extras.count)
    }
}
