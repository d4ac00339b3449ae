import FolioData

/// The like-for-like rule: a share or ratio is only taken between figures of the same unit and
/// period, unless the step declares the comparison with a caveat that the briefing then prints.
enum Comparability {
    static func check(_ part: Figure, _ whole: Figure, caveat: String?) throws {
        guard caveat == nil else { return }
        if part.unit != whole.unit { throw MeasureError.incomparableUnits(part: part, whole: whole) }
        if part.period != whole.period { throw MeasureError.incomparablePeriods(part: part, whole: whole) }
    }

    /// The reported, non-negative value of a figure.
    static func value(of figure: Figure) throws -> Double {
        guard let v = figure.value else { throw MeasureError.notReported(figure) }
        guard v >= 0 else { throw MeasureError.negative(figure) }
        return v
    }

    /// The weakest qualifier among inputs: a lower bound or rounded input taints the result.
    static func qualifier(_ figures: Figure...) -> Qualifier {
        if figures.contains(where: { $0.qualifier == .lowerBound }) { return .lowerBound }
        if figures.contains(where: { $0.qualifier == .rounded }) { return .rounded }
        return .exact
    }
}
