/// The reported numbers of one column of some rows (or of a ratio of two columns), with the
/// cells that were missing: what a `Mean` is taken over.
public struct Sample: Sendable {
    public let values: [Double]
    /// Where the missing cells are (left out of `values`, never counted as zero).
    public let missing: [SourceLocation]
    public let unit: Unit
    public let period: Period
    /// What the numbers are, in words: `body_mass_g where species = Gentoo`.
    public let what: String
    /// Which rows they come from, in words (see `DataTable.rowsDescription`).
    public let rowsDescription: String
    /// Where the rows start.
    public let source: SourceLocation
    let fileName: String

    init(values: [Double], missing: [SourceLocation], unit: Unit, period: Period, what: String, rows: DataTable) {
        self.values = values; self.missing = missing; self.unit = unit; self.period = period; self.what = what
        self.rowsDescription = rows.rowsDescription; self.source = rows.firstLocation; self.fileName = rows.fileName
    }

    /// "342 values from 344 rows of penguins.csv (lines 2–345); 2 not reported (lines 5, 273)".
    public var description: String {
        guard !missing.isEmpty else { return "\(values.count) values from \(rowsDescription)" }
        let lines = missing.prefix(8).map { String($0.line) }.joined(separator: ", ") + (missing.count > 8 ? ", …" : "")
        return "\(values.count) values from \(rowsDescription); \(missing.count) not reported (line\(missing.count == 1 ? "" : "s") \(lines))"
    }

    /// The sample as a figure for provenance and for "not reported" results: the number of
    /// values it holds, nil when it holds none.
    public var figure: Figure {
        Figure(measure: "reported values of \(what)", geography: Geography(fileName),
               value: values.isEmpty ? nil : Double(values.count), unit: Unit("values", singular: "value"),
               period: period, source: source, excerpt: description, label: what)
    }
}
