import FolioData

// The fact sheet's units as types, so `Proportion(reports, of: children)` does not compile.
public enum Reports: UnitKind { public static let unit = Unit.reports }
public enum Cases: UnitKind { public static let unit = Unit.cases }
public enum Submissions: UnitKind { public static let unit = Unit.submissions }
public enum Children: UnitKind { public static let unit = Unit.children }
public enum Engagements: UnitKind { public static let unit = Unit.engagements }
public enum SurvivorsFamilies: UnitKind { public static let unit = Unit.survivorsFamilies }
public enum Connections: UnitKind { public static let unit = Unit.connections }
public enum Users: UnitKind { public static let unit = Unit.users }

extension FactSheet {
    /// The figure for `measure` as a typed quantity (not-reported figures included: value nil).
    public func quantity<U: UnitKind, P: PeriodKind>(_ measure: String, _ geography: Geography, _: U.Type,
                                                     _: P.Type) throws -> Quantity<U, P> {
        try Quantity(figure(measure, geography: geography) ?? require(measure, geography))
    }
}
