import Foundation

/// Writes tick values in the axis's `NumberStyle`, with just enough decimals to tell ticks apart
/// (0.2% steps get one decimal, 100s get none). Percent axes are written as percent.
public struct TickFormatter: Hashable, Sendable {
    public var style: NumberStyle
    public init(style: NumberStyle) { self.style = style }

    public func labels(for ticks: [Double]) -> [String] {
        let effective = effectiveStyle(for: ticks)
        return ticks.map { effective.format($0) }
    }

    /// The style actually used, its decimals adapted to the ticks.
    public func effectiveStyle(for ticks: [Double]) -> NumberStyle {
        switch style {
        case .count, .decimal:
            let p = Self.decimalsNeeded(ticks)
            return p == 0 ? .count : .decimal(places: p)
        case .percent:
            return .percent(places: Self.decimalsNeeded(ticks.map { $0 * 100 }))
        case .compact:
            let big = ticks.map(abs).max() ?? 0
            if big >= 1e9 { return .compact(places: Self.decimalsNeeded(ticks.map { $0 / 1e9 })) }
            if big >= 1e6 { return .compact(places: Self.decimalsNeeded(ticks.map { $0 / 1e6 })) }
            return .count
        }
    }

    /// The fewest decimals (0…10) that write every value exactly.
    static func decimalsNeeded(_ values: [Double]) -> Int {
        var needed = 0
        for v in values where v.isFinite {
            var d = 0
            while d < 10 {
                let scaled = v * pow(10, Double(d))
                if abs(scaled - scaled.rounded()) < 1e-6 * max(1, abs(scaled)) { break }
                d += 1
            }
            needed = max(needed, d)
        }
        return needed
    }
}
