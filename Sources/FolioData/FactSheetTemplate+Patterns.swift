extension FactSheetTemplate {
    /// The sentences' patterns, expanded and compiled once per process, in `sentences` order.
    static let sentencePatterns: [TemplatePattern] = sentences.map { TemplatePattern(expand($0.pattern)) }
    /// Each table row's whole-line pattern (label, optional colon, one value), in `tableRows` order.
    static let tableRowPatterns: [TemplatePattern] = tableRows.map {
        TemplatePattern(#"^\s*"# + expand($0.labelPattern) + #"\s*:?\s*(?<value>\S*)\s*$"#)
    }
    static let organisation = TemplatePattern(expand(organisationPattern))
    static let heading = TemplatePattern(expand(headingPattern))
    static let listedBelow = TemplatePattern(expand(listedBelowPattern))
    static let year = TemplatePattern(expand(yearPattern))
}
