/// Maps a continuous data domain onto a pixel range (in points).
public protocol ContinuousScale: Sendable {
    var domain: ClosedRange<Double> { get }
    /// Output interval; `range.0` is where `domain.lowerBound` lands (may be greater than `range.1`).
    var range: (Double, Double) { get }
    /// The position of `value`; values outside the domain extrapolate.
    func map(_ value: Double) -> Double
    /// The same scale over another output interval.
    func withRange(_ range: (Double, Double)) -> Self
}
