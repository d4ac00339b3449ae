import FolioData

/// Where a result came from: the step that made it, the formula, and its inputs, which are
/// either published figures (with their source line) or earlier results (by name).
public struct Provenance: Hashable, Sendable {
    /// One input of a derivation.
    public enum Input: Hashable, Sendable {
        case figure(Figure)
        case result(String)
        /// A non-numeric input read from a file (a name in a heading, a table row).
        case source(SourceLocation, description: String)
    }
    /// The step that produced the value (e.g. `missing-children`).
    public var step: String
    /// The formula in words and symbols, e.g. `missing_from_social_services / missing_child_cases`.
    public var formula: String
    public var inputs: [Input]
    /// The notebook cell that computed the value (its opening fence), when it came from a notebook.
    public var cell: SourceLocation?
    public init(step: String, formula: String, inputs: [Input], cell: SourceLocation? = nil) {
        self.step = step; self.formula = formula; self.inputs = inputs; self.cell = cell
    }
    /// The published figures this value rests on directly.
    public var figures: [Figure] {
        inputs.compactMap { if case .figure(let f) = $0 { return f } else { return nil } }
    }
}
