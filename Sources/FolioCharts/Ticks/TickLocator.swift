/// Chooses tick values for a domain. Separate from how ticks are written (`TickFormatter`).
public protocol TickLocator: Sendable {
    /// Ticks at round numbers whose first and last values cover `domain`; never empty, never NaN.
    func ticks(for domain: ClosedRange<Double>, targetCount: Int) -> [Double]
}
