import FolioData

// Units of the tests' examples, declared as an analysis would declare its own.
extension Unit {
    static let reports = Unit("reports")
    static let cases = Unit("cases")
    static let children = Unit("children", singular: "child", plural: "children")
    static let users = Unit("users")
}

enum Reports: UnitKind { static let unit = Unit.reports }
enum Cases: UnitKind { static let unit = Unit.cases }
enum Children: UnitKind { static let unit = Unit.children }
enum Users: UnitKind { static let unit = Unit.users }
