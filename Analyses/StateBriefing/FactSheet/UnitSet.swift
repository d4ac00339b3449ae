import FolioData
/// A set of plain-text UTF-16 units (see `PlainText`): what one step of a `SheetPattern` accepts.
///
/// Membership is only defined for plain units; complements are taken within plain text.
struct UnitSet: Sendable, Equatable {
    /// ASCII members, units 0–63 and 64–127.
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    /// Members among `PlainText.extras`, by index.
    private(set) var extras: UInt16 = 0

    static let empty = UnitSet()
    static let all = UnitSet().complement

    init() {}

    /// The set with these member bits (as `low`, `high` and `extras` hold them).
    init(low: UInt64, high: UInt64, extras: UInt16) {
        self.low = low; self.high = high; self.extras = extras & UInt16((1 << PlainText.extras.count) - 1)
    }

    /// The set of one unit (which must be plain).
    init(_ unit: UInt16) {
        insert(unit)
    }

    /// The set of the given units (each must be plain).
    init(_ units: [UInt16]) {
        for unit in units { insert(unit) }
    }

    /// The set of units from `first` through `last` that are plain.
    init(from first: UInt16, through last: UInt16) {
        if first <= last {
            for unit in first...min(last, 0x7F) { insert(unit) }
        }
        for extra in PlainText.extras where first <= extra && extra <= last { insert(extra) }
    }

    /// ICU's `\s`.
    static let space = UnitSet([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, PlainText.noBreakSpace])
    /// ICU's `\d`.
    static let digit = UnitSet(from: 0x30, through: 0x39)
    /// ICU's `\w`.
    static let word = UnitSet(from: 0x30, through: 0x39).union(UnitSet(from: 0x41, through: 0x5A))
        .union(UnitSet(from: 0x61, through: 0x7A)).union(UnitSet([0x5F]))

    @inline(__always)
    func contains(_ unit: UInt16) -> Bool {
        if unit < 64 { return low & (1 << UInt64(unit)) != 0 }
        if unit < 128 { return high & (1 << UInt64(unit - 64)) != 0 }
        guard let index = PlainText.extraIndex(unit) else { return false }
        return extras & (1 << UInt16(index)) != 0
    }

    mutating func insert(_ unit: UInt16) {
        if unit < 64 { low |= 1 << UInt64(unit) }
        else if unit < 128 { high |= 1 << UInt64(unit - 64) }
        else if let index = PlainText.extraIndex(unit) { extras |= 1 << UInt16(index) }
    }

    func union(_ other: UnitSet) -> UnitSet {
        var out = self
        out.low |= other.low; out.high |= other.high; out.extras |= other.extras
        return out
    }

    /// Every plain unit not in the set.
    var complement: UnitSet {
        var out = UnitSet()
        out.low = ~low; out.high = ~high
        out.extras = ~extras & UInt16((1 << PlainText.extras.count) - 1)
        return out
    }

    /// The set with the other case of each ASCII letter added: case-insensitive matching.
    var closedOverCase: UnitSet {
        var out = self
        let upper: UInt64 = 0x07FF_FFFE // bits 1–26 of the high word: "A"–"Z" (65–90)
        let lower: UInt64 = 0x07FF_FFFE << 32 // "a"–"z" (97–122)
        out.high |= (high & upper) << 32
        out.high |= (high & lower) >> 32
        return out
    }

    var isEmpty: Bool { low == 0 && high == 0 && extras == 0 }

    /// Calls `body` with each member, ASCII first, in order.
    func forEachMember(_ body: (UInt16) -> Void) {
        var bits = low
        while bits != 0 { body(UInt16(bits.trailingZeroBitCount)); bits &= bits - 1 }
        bits = high
        while bits != 0 { body(UInt16(64 + bits.trailingZeroBitCount)); bits &= bits - 1 }
        var extraBits = extras
        while extraBits != 0 { body(PlainText.extras[extraBits.trailingZeroBitCount]); extraBits &= extraBits - 1 }
    }
}
