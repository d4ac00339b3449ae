import FolioData

/// The share a part is of a whole that counts the same thing over the same period, with a
/// Wilson interval.
public struct Proportion: Measure {
    public var part: Figure
    public var whole: Figure
    public var caveat: String?
    public var label: String

    /// - Parameter caveat: declares a comparison that is not like-for-like; the briefing prints it.
    public init(_ part: Figure, of whole: Figure, label: String, caveat: String? = nil) {
        self.part = part; self.whole = whole; self.label = label; self.caveat = caveat
    }

    public var resultKind: ValueKind { .proportion }
    public var resultLabel: String { label }

    public func evaluate(step: String) throws -> ResultValue {
        try Comparability.check(part, whole, caveat: caveat)
        let x = try Comparability.value(of: part)
        let n = try Comparability.value(of: whole)
        guard n > 0 else { throw MeasureError.zeroDenominator(whole) }
        guard x <= n else { throw MeasureError.partExceedsWhole(part: part, whole: whole) }
        return ResultValue(
            kind: .proportion, number: x / n,
            interval: IntervalEstimator.wilson(successes: x.rounded(), trials: n.rounded()),
            qualifier: Comparability.qualifier(part, whole), caveat: caveat, label: label,
            provenance: Provenance(step: step, formula: "\(part.geography) \(part.measure) / \(whole.geography) \(whole.measure)",
                                   inputs: [.figure(part), .figure(whole)]))
    }
}
