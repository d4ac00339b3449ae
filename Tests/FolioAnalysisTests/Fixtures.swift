import FolioData

/// Figures for measure tests, shaped like the Mississippi sheet's.
enum Fixtures {
    static func figure(_ measure: String, _ value: Double?, geo: String = "MS", unit: Unit = .cases,
                       period: Period = .year(2023), qualifier: Qualifier = .exact, line: Int = 1) -> Figure {
        Figure(measure: measure, geography: Geography(geo), value: value, unit: unit, period: period,
               qualifier: qualifier, source: SourceLocation(file: "sheet.txt", line: line),
               excerpt: "", label: measure)
    }
}
