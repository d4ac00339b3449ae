/// A unit known to the compiler, so a share of, say, reports over children does not compile.
/// An analysis declares its own (`enum Reports: UnitKind { static let unit = Unit("reports") }`).
public protocol UnitKind: Sendable { static var unit: Unit { get } }
/// A kind of period known to the compiler: a year's flow, a cumulative stock, a point estimate.
public protocol PeriodKind: Sendable { static func matches(_ period: Period) -> Bool }

/// People: a population, the denominator of a per-capita rate.
public enum People: UnitKind { public static let unit = Unit.people }

/// Events during one calendar year.
public enum Annual: PeriodKind {
    public static func matches(_ period: Period) -> Bool { if case .year = period { true } else { false } }
}
/// A running total since a programme began.
public enum Cumulative: PeriodKind {
    public static func matches(_ period: Period) -> Bool { if case .cumulative = period { true } else { false } }
}
/// A point-in-time estimate such as a mid-year population.
public enum PointInTime: PeriodKind {
    public static func matches(_ period: Period) -> Bool { if case .pointInTime = period { true } else { false } }
}

/// A figure whose unit and kind of period are part of its type. Measures that take quantities
/// (`Proportion`, `Rate`) only compile for like-for-like inputs; the figure's year is still
/// checked when the measure is evaluated.
///
/// The requirements `U: UnitKind, P: PeriodKind` sit on the initialiser, not on the type: a
/// quantity can only be made of a unit kind and a period kind, and the type's metadata, which a
/// client instantiates by name, then needs no protocol-conformance look-up (a scan of every
/// conformance in the binary, about 0.5 M instructions in each cold run).
public struct Quantity<U, P>: Sendable {
    public let figure: Figure
}

extension Quantity where U: UnitKind, P: PeriodKind {
    /// Wraps `figure`, or throws when its unit or period is not the one the type promises.
    public init(_ figure: Figure) throws {
        guard figure.unit == U.unit, P.matches(figure.period) else {
            throw QuantityError(figure: figure, expectedUnit: U.unit, expectedPeriod: String(describing: P.self))
        }
        self.figure = figure
    }
}

/// A figure read as a quantity of the wrong unit or period.
public struct QuantityError: Error, CustomStringConvertible, Equatable {
    public var figure: Figure
    public var expectedUnit: Unit
    public var expectedPeriod: String
    public var description: String {
        "\(figure.source): error: \(figure.geography) \(figure.measure) counts \(figure.unit) (\(figure.period)); the step expects \(expectedUnit) (\(expectedPeriod.lowercased()))"
    }
}
