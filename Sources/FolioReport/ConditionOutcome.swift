/// Which branch a condition took, and why, for `folio explain` and the methods section.
public struct ConditionOutcome: Hashable, Sendable {
    /// The narrative file.
    public var file: String
    /// Where `when` is written.
    public var position: SourcePosition
    /// The condition as written.
    public var condition: String
    /// Whether it held (the `when` text was used) or not (the `otherwise` text, if any).
    public var holds: Bool
    /// The values it read, as printed: "byState.reports is not reported; missing.cases is 103".
    public var reason: String
    /// False when the condition sits inside text another condition left out.
    public var reached: Bool
    /// Whether the condition chooses a block of lines, words in a line, or a key figure.
    public var form: ConditionForm
    /// The value names it reads.
    public var names: [String]
    /// Whether it has an `otherwise` text (a key figure has none).
    public var hasOtherwise: Bool

    /// What the outcome did to the text: "its text is used", "the \"otherwise\" text is used",
    /// "its text is left out", "the key figure is shown".
    public var chosen: String {
        if form == .keyFigure { return holds ? "the key figure is shown" : "the key figure is left out" }
        if holds { return "its text is used" }
        return hasOtherwise ? "the \"otherwise\" text is used" : "its text is left out"
    }

    /// "briefing.md:52:1: `byState.reports is reported` is false (byState.reports is not reported), so the "otherwise" text is used".
    public var sentence: String {
        let reach = reached ? "" : " (inside text another condition left out)"
        return "\(file):\(position): `\(condition)` is \(holds ? "true" : "false") (\(reason)), so \(chosen)\(reach)"
    }
}

/// What a condition chooses: a block of lines (`::: when`), words in a line (`{{ when }}`) or
/// whether a key figure is shown (its `when:`).
public enum ConditionForm: String, Hashable, Sendable {
    case block, inline
    case keyFigure = "key figure"
}
