/// Something a step can compute into a `ResultValue`: a count, proportion, rate or ratio.
public protocol Measure: Sendable {
    /// Computes the value, recording `step` in its provenance; throws `MeasureError` when the
    /// inputs cannot honestly be combined.
    func evaluate(step: String) throws -> ResultValue
    /// The kind of value it makes, so an input the source did not report can still give a
    /// typed "not reported" result.
    var resultKind: ValueKind { get }
    /// The label of the value it makes.
    var resultLabel: String { get }
}
