/// How a number is written in prose, tables and axes, always in US style (`4,546`, `69.9%`).
public enum NumberStyle: Hashable, Sendable {
    /// A whole count with thousands separators: `4,546`.
    case count
    /// A decimal with a fixed number of places and thousands separators: `668.7`.
    case decimal(places: Int)
    /// A fraction (0.699) written as a percentage with a fixed number of places: `69.9%`.
    case percent(places: Int)
    /// A large number in words when it is at least a million: `36.2 million`; otherwise a count.
    case compact(places: Int)

    /// Formats `value` in this style. Non-finite values are written as `n/a`, never `nan`.
    public func format(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        switch self {
        case .count: return USNumberFormatter.grouped(value, places: 0)
        case .decimal(let p): return USNumberFormatter.grouped(value, places: p)
        case .percent(let p):
            guard (value * 100).isFinite else { return "n/a" }
            return USNumberFormatter.grouped(value * 100, places: p) + "%"
        case .compact(let p):
            let a = abs(value)
            if a >= 1e9 { return USNumberFormatter.grouped(value / 1e9, places: p) + " billion" }
            if a >= 1e6 { return USNumberFormatter.grouped(value / 1e6, places: p) + " million" }
            return USNumberFormatter.grouped(value, places: 0)
        }
    }
}
