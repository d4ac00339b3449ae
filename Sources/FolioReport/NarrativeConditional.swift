/// A condition in the body with the text it chooses between: a block of lines (`::: when …`,
/// `::: otherwise`, `:::`) or words within a line (`{{ when … }}`, `{{ otherwise }}`, `{{ end }}`).
struct NarrativeConditional {
    /// `.block` or `.inline`.
    var form: ConditionForm
    /// The condition as written, and where it starts.
    var conditionText: String
    var conditionStart: SourcePosition
    /// Where the opening marker starts.
    var position: SourcePosition
    /// The markers: the `::: when` line or `{{ when }}`, the `otherwise` marker if any, the close.
    var opening: Range<String.Index>
    var otherwise: Range<String.Index>?
    var closing: Range<String.Index>

    /// Everything from the opening marker to the end of the closing one.
    var whole: Range<String.Index> { opening.lowerBound..<closing.upperBound }

    /// The source ranges left out when the condition does or does not hold: the markers and the
    /// branch not taken.
    func dropped(holds: Bool) -> [Range<String.Index>] {
        if holds {
            return [opening, (otherwise?.lowerBound ?? closing.lowerBound)..<closing.upperBound]
        }
        guard let otherwise else { return [whole] }
        return [opening.lowerBound..<otherwise.upperBound, closing]
    }
}
