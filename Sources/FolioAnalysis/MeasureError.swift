import FolioData

/// Why a measure could not be computed. Each case names the figures involved and their lines.
public enum MeasureError: Error, CustomStringConvertible, Equatable {
    case incomparableUnits(part: Figure, whole: Figure)
    case incomparablePeriods(part: Figure, whole: Figure)
    case notReported(Figure)
    case zeroDenominator(Figure)
    case partExceedsWhole(part: Figure, whole: Figure)
    case negative(Figure)

    /// The source location of the figure the error is about, to lead the message with.
    public var location: SourceLocation {
        switch self {
        case .incomparableUnits(let p, _), .incomparablePeriods(let p, _), .partExceedsWhole(let p, _): return p.source
        case .notReported(let f), .negative(let f): return f.source
        case .zeroDenominator(let f): return f.source
        }
    }

    public var description: String {
        func name(_ f: Figure) -> String { "\(f.geography) \(f.measure) (\(f.source))" }
        switch self {
        case .incomparableUnits(let p, let w):
            return "cannot compare \(name(p)) with \(name(w)): they count different things (\(p.unit) vs \(w.unit)); declare the comparison with a caveat if it is meant"
        case .incomparablePeriods(let p, let w):
            return "cannot compare \(name(p)) with \(name(w)): they cover different periods (\(p.period) vs \(w.period)); declare the comparison with a caveat if it is meant"
        case .notReported(let f):
            return "\(name(f)) is not reported in the source, so nothing can be derived from it"
        case .zeroDenominator(let f):
            return "\(name(f)) is zero, so it cannot be a denominator"
        case .partExceedsWhole(let p, let w):
            return "\(name(p)) is larger than \(name(w)), so it cannot be a share of it"
        case .negative(let f):
            return "\(name(f)) is negative, which a count cannot be"
        }
    }
}
