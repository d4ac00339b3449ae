import Foundation

/// Ticks for a log axis: powers of ten, with 2 and 5 multiples added when fewer than three decades show.
public struct LogTickLocator: TickLocator {
    public init() {}
    public func ticks(for domain: ClosedRange<Double>, targetCount: Int) -> [Double] {
        let hi = domain.upperBound > 0 && domain.upperBound.isFinite ? domain.upperBound : 1
        let lo = domain.lowerBound > 0 && domain.lowerBound.isFinite ? min(domain.lowerBound, hi) : hi / 1000
        let d0 = Int(floor(log10(lo) + 1e-9)), d1 = max(Int(ceil(log10(hi) - 1e-9)), d0 + 1)
        let multiples: [Double] = d1 - d0 < 3 ? [1, 2, 5] : [1]
        var all: [Double] = []
        for d in d0...d1 {
            for m in multiples {
                let v = d >= 0 ? m * pow(10, Double(d)) : m / pow(10, Double(-d))
                all.append(v)
            }
        }
        // Keep one tick at or below lo, everything inside, one at or above hi.
        let firstIndex = all.lastIndex { $0 <= lo * (1 + 1e-9) } ?? 0
        let lastIndex = all.firstIndex { $0 >= hi * (1 - 1e-9) } ?? (all.count - 1)
        return Array(all[firstIndex...max(firstIndex, lastIndex)])
    }
}
