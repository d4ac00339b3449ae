import Foundation

/// Linear ticks by the 1-2-5 rule: the step is 1, 2 or 5 times a power of ten, chosen as the
/// smallest such step giving at most about `targetCount` intervals; ticks extend to cover the domain.
public struct NiceTickLocator: TickLocator {
    /// Allowed mantissas of the step, ascending, ending in 10.
    public var mantissas: [Double]
    public init(mantissas: [Double] = [1, 2, 5, 10]) { self.mantissas = mantissas }

    public func ticks(for domain: ClosedRange<Double>, targetCount: Int) -> [Double] {
        var lo = domain.lowerBound, hi = domain.upperBound
        guard lo.isFinite, hi.isFinite else { return [0, 1] }
        let magnitude = max(abs(lo), abs(hi))
        if hi - lo <= magnitude * 1e-12 || hi - lo < 1e-300 {
            if magnitude == 0 { return [0, 1] }
            lo -= magnitude * 0.1; hi += magnitude * 0.1
            if lo < 0 && domain.lowerBound >= 0 { lo = 0 }
        }
        let raw = (hi - lo) / Double(max(1, targetCount))
        let exponent = floor(log10(raw))
        let mantissa = raw / pow(10, exponent)
        let unit = mantissas.first { $0 >= mantissa - 1e-9 } ?? 10
        let step = unit * pow(10, exponent)
        let first = floor(lo / step + 1e-9), last = ceil(hi / step - 1e-9)
        guard step > 0, step.isFinite, abs(first) < 1e15, abs(last) < 1e15, last >= first else { return [lo, hi] }
        // Exact decimal values: k·unit·10^e, dividing by 10^-e when e < 0 so 0.6 stays 0.6.
        return (Int(first)...Int(last)).map { k in
            let n = Double(k) * unit
            return exponent >= 0 ? n * pow(10, exponent) : n / pow(10, -exponent)
        }
    }
}
