/// Something a step can compute into a `ResultValue`: a count, proportion, rate or ratio.
public protocol Measure: Sendable {
    /// Computes the value, recording `step` in its provenance; throws `MeasureError` when the
    /// inputs cannot honestly be combined.
    func evaluate(step: String) throws -> ResultValue
}
