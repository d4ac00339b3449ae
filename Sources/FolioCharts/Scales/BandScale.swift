/// Splits a range into equal bands, one per category, with inner and outer padding as fractions of a step.
public struct BandScale: Hashable, Sendable {
    public var count: Int
    public var range: ClosedRange<Double>
    public var paddingInner: Double
    public var paddingOuter: Double
    public init(count: Int, range: ClosedRange<Double>, paddingInner: Double = 0.2, paddingOuter: Double = 0.1) {
        self.count = max(0, count); self.range = range
        self.paddingInner = min(max(paddingInner, 0), 0.95); self.paddingOuter = max(paddingOuter, 0)
    }
    /// Distance between the starts of neighbouring bands.
    public var step: Double {
        guard count > 0 else { return 0 }
        return (range.upperBound - range.lowerBound) / (Double(count) - paddingInner + 2 * paddingOuter)
    }
    /// Width of one band.
    public var bandwidth: Double { step * (1 - paddingInner) }
    /// Start of band `index`.
    public func start(_ index: Int) -> Double { range.lowerBound + step * (paddingOuter + Double(index)) }
    /// Centre of band `index`.
    public func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }
}
