/// The time a figure covers: a calendar year's flow, or a cumulative stock up to a point.
public enum Period: Hashable, Sendable, CustomStringConvertible {
    /// Events during one calendar year (e.g. reports received in 2023).
    case year(Int)
    /// A running total since the programme began, as of the end of the given year.
    case cumulative(through: Int)
    /// A point-in-time estimate (e.g. population on July 1 of the year).
    case pointInTime(year: Int)
    /// Observations made over a span of years (a field study run from 2007 through 2009).
    case span(from: Int, through: Int)

    /// `2023`, `cumulative to 2023`, `July 1, 2023`: what `figures.csv` and `folio ingest` print.
    public var description: String {
        switch self {
        case .year(let y): return "\(y)"
        case .cumulative(let y): return "cumulative to \(y)"
        case .pointInTime(let y): return "mid-\(y)"
        case .span(let a, let b): return a == b ? "\(a)" : "\(a)–\(b)"
        }
    }
}
