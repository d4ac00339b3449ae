import FolioData

extension Count {
    /// A count of a typed quantity.
    public init<U, P>(_ quantity: Quantity<U, P>, withInterval: Bool = true) {
        self.init(quantity.figure, withInterval: withInterval)
    }
}

extension Proportion {
    /// The share a part is of a whole of the same unit and kind of period, checked by the compiler:
    /// `Proportion(reports, of: childrenIdentified)` does not compile.
    public init<U, P>(_ part: Quantity<U, P>, of whole: Quantity<U, P>, label: String) {
        self.init(part.figure, of: whole.figure, label: label)
    }
}

extension Rate {
    /// A year's count per mid-year population, checked by the compiler: a cumulative total or a
    /// non-population denominator does not compile.
    public init<U>(_ count: Quantity<U, Annual>, per population: Quantity<People, PointInTime>,
                   scale: Double = 100_000, populationName: String, label: String) {
        self.init(count.figure, per: population.figure, scale: scale, populationName: populationName, label: label)
    }
}
