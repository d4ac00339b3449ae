import FolioData

/// What a result is, which decides the filters that fit it.
public enum ValueKind: Hashable, Sendable {
    /// A count of something (`4,546 reports`).
    case count(Unit)
    /// A fraction in 0...1 of a whole of the same unit (`69.9%`).
    case proportion
    /// Events per `scale` of a population (`668.7 per 100,000 children`).
    case rate(per: Double, population: String)
    /// A plain ratio between two numbers (`0.38 times`).
    case ratio
    /// The mean of measurements in a unit (`4,201.8 g`).
    case mean(Unit)
    /// Words (a name, a species).
    case text

    /// A short name used in error messages ("a count", "a proportion").
    public var name: String {
        switch self {
        case .count: return "a count"
        case .proportion: return "a proportion"
        case .rate: return "a rate"
        case .ratio: return "a ratio"
        case .mean: return "a mean"
        case .text: return "text"
        }
    }
}
