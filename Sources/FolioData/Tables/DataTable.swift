/// A CSV file loaded as a table whose every value keeps its file, line and column.
///
/// A table knows what one of its rows counts (`rowUnit`: penguins, cases, jobs), the period
/// its observations cover, and the unit of each measured column, so the counts and sums it
/// gives are `Figure`s that the measures (`Proportion`, `Rate`, `Mean`) check like for like.
/// Empty and `NA` cells are "not reported", never zero. Filters and groups keep the words that
/// made them (`island = Biscoe`), so a figure's provenance says which rows it counted.
public struct DataTable: Sendable {
    /// The file as the user named it.
    public let file: String
    public let columns: [String]
    public let rows: [DataRow]
    /// What one row counts: the unit of `countFigure()`.
    public var rowUnit: Unit
    /// The time the observations cover.
    public var period: Period
    /// The unit of each measured column; their cells must be numbers or missing.
    public let units: [String: Unit]
    /// The filters that selected these rows, in words, in order (`island = Biscoe`).
    public private(set) var selection: [String] = []
    /// Rows in the file before any filter, for provenance ("152 of 344 rows").
    public let fileRowCount: Int

    /// Reads `path` (named `displayPath` in messages). Ragged rows, repeated header names, an
    /// unknown column in `units` and a non-number in a measured column are errors at their place.
    public static func load(path: String, displayPath: String, rowUnit: Unit, period: Period,
                            units: [String: Unit] = [:]) throws -> DataTable {
        let document = try CSVDocument.load(path: path, displayPath: displayPath)
        return try DataTable(document: document, rowUnit: rowUnit, period: period, units: units)
    }

    /// Parses CSV `text` as if read from `file`.
    public static func parse(text: String, file: String, rowUnit: Unit, period: Period,
                             units: [String: Unit] = [:]) throws -> DataTable {
        try DataTable(document: CSVDocument.parse(text: text, file: file), rowUnit: rowUnit, period: period, units: units)
    }

    init(document: CSVDocument, rowUnit: Unit, period: Period, units: [String: Unit]) throws {
        let file = document.file
        let header = document.header.fields.map(\.text)
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            if index[name] != nil {
                throw TableError.duplicateColumn(at: SourceLocation(file: file, line: document.header.line,
                                                                    column: document.header.fields[i].column), name: name)
            }
            index[name] = i
        }
        for column in units.keys.sorted() where index[column] == nil {
            throw TableError.unknownColumn(column, file: file, known: header)
        }
        let checkedColumns = units.keys.sorted()
        var rows: [DataRow] = []
        rows.reserveCapacity(document.records.count)
        for record in document.records {
            guard record.fields.count == header.count else {
                throw TableError.raggedRow(at: SourceLocation(file: file, line: record.line), fields: record.fields.count,
                                           expected: header.count)
            }
            let cells = record.fields.enumerated().map { i, field in
                DataCell(text: field.text, location: SourceLocation(file: file, line: record.line, column: field.column),
                         column: header[i])
            }
            let row = DataRow(line: record.line, cells: cells, index: index)
            for column in checkedColumns { _ = try row.number(column) }
            rows.append(row)
        }
        guard !rows.isEmpty else { throw TableError.noRows(file: file) }
        self.file = file; self.columns = header; self.rows = rows
        self.rowUnit = rowUnit; self.period = period; self.units = units; self.fileRowCount = rows.count
    }

    private init(_ base: DataTable, rows: [DataRow], adding words: String) {
        self.init(file: base.file, columns: base.columns, rows: rows, rowUnit: base.rowUnit, period: base.period,
                  units: base.units, selection: base.selection + [words], fileRowCount: base.fileRowCount)
    }

    /// The number of rows.
    public var count: Int { rows.count }

    /// Checks that `column` exists.
    func require(_ column: String) throws(TableError) {
        guard columns.contains(column) else { throw TableError.unknownColumn(column, file: file, known: columns) }
    }

    /// The rows whose `column` reads `value`.
    public func filter(_ column: String, equals value: String) throws -> DataTable {
        try require(column)
        return DataTable(self, rows: rows.filter { $0[column] == value }, adding: "\(column) = \(value)")
    }

    /// The rows `keep` accepts; `description` says which in words, for provenance.
    public func filter(_ description: String, _ keep: (DataRow) throws -> Bool) rethrows -> DataTable {
        DataTable(self, rows: try rows.filter(keep), adding: description)
    }

    /// The rows whose `column` is reported (not empty or `NA`).
    public func reported(_ column: String) throws -> DataTable {
        try require(column)
        return DataTable(self, rows: rows.filter { !$0.cells[$0.index[column]!].isMissing }, adding: "\(column) reported")
    }

    /// The rows whose `column` is missing (empty or `NA`): what a step leaves out, to say so.
    public func missing(_ column: String) throws -> DataTable {
        try require(column)
        return DataTable(self, rows: rows.filter { $0.cells[$0.index[column]!].isMissing }, adding: "\(column) not reported")
    }

    /// The distinct values of `column` in the order they first appear (missing cells left out).
    public func values(of column: String) throws -> [String] {
        try require(column)
        var seen: Set<String> = [], out: [String] = []
        for row in rows {
            let cell = try row.cell(column)
            if !cell.isMissing, seen.insert(cell.text).inserted { out.append(cell.text) }
        }
        return out
    }

    /// The rows split by the value of `column`, in the order the values first appear; rows whose
    /// `column` is missing form no group (count them with `filter`).
    public func grouped(by column: String) throws -> [(key: String, rows: DataTable)] {
        try values(of: column).map { key in (key, try filter(column, equals: key)) }
    }

    /// The cells of `column`, in row order.
    public func cells(_ column: String) throws -> [DataCell] {
        try require(column)
        return try rows.map { try $0.cell(column) }
    }

    /// Provenance words for these rows: "152 of 344 rows of penguins.csv (lines 2–345) where island = Biscoe".
    public var rowsDescription: String {
        let lines = rows.isEmpty ? "" : rows.count == 1 ? " (line \(rows[0].line))" : " (lines \(rows[0].line)–\(rows[rows.count - 1].line))"
        let which = selection.isEmpty ? "" : " where " + selection.joined(separator: ", ")
        return "\(rows.count) of \(fileRowCount) rows of \(fileName)\(lines)\(which)"
    }

    var fileName: String { file.split(separator: "/").last.map(String.init) ?? file }

    /// Where these rows start: the first row's line, or the file's first line when none is left.
    var firstLocation: SourceLocation { SourceLocation(file: file, line: rows.first?.line ?? 1) }

    /// What a figure of these rows measures, in words: `penguins where island = Biscoe`.
    func measureName(_ what: String) -> String {
        selection.isEmpty ? what : "\(what) where \(selection.joined(separator: ", "))"
    }

    /// The number of rows, as a count of `rowUnit` with its provenance.
    public func countFigure(label: String? = nil) -> Figure {
        Figure(measure: measureName(rowUnit.plural), geography: Geography(fileName), value: Double(rows.count),
               unit: rowUnit, period: period, source: firstLocation, excerpt: rowsDescription,
               label: label ?? "Number of \(rowUnit.plural)" + (selection.isEmpty ? "" : " (\(selection.joined(separator: ", ")))"))
    }

    /// How many distinct values `column` takes in these rows (missing cells left out), as a
    /// count of `unit` (`Unit("islands")`).
    public func distinctFigure(_ column: String, unit: Unit, label: String? = nil) throws -> Figure {
        let values = try values(of: column)
        return Figure(measure: measureName("distinct \(column)"), geography: Geography(fileName),
                      value: Double(values.count), unit: unit, period: period, source: firstLocation,
                      excerpt: "\(values.joined(separator: ", ")) in \(rowsDescription)",
                      label: label ?? "Number of distinct \(column)")
    }

    /// The sum of `column` over the rows: not reported when every cell is missing, a lower bound
    /// when some are.
    public func sumFigure(_ column: String, label: String? = nil) throws -> Figure {
        let sample = try self.sample(column)
        let value: Double? = sample.values.isEmpty ? nil : sample.values.reduce(0, +)
        return Figure(measure: measureName("sum of \(column)"), geography: Geography(fileName), value: value,
                      unit: sample.unit, period: period, qualifier: sample.missing.isEmpty ? .exact : .lowerBound,
                      source: firstLocation, excerpt: sample.description, label: label ?? "Sum of \(column)")
    }

    /// The reported numbers of `column`, with the cells that were missing.
    public func sample(_ column: String) throws -> Sample {
        var values: [Double] = [], missing: [SourceLocation] = []
        for cell in try cells(column) {
            if let v = try cell.number() { values.append(v) } else { missing.append(cell.location) }
        }
        return Sample(values: values, missing: missing, unit: units[column] ?? Unit(column), period: period,
                      what: measureName(column), rows: self)
    }

    /// For each row, `numerator` divided by `denominator` (rows missing either, or with a zero
    /// denominator, are left out and counted as missing).
    public func sample(ratioOf numerator: String, to denominator: String) throws -> Sample {
        var values: [Double] = [], missing: [SourceLocation] = []
        for row in rows {
            let a = try row.number(numerator), b = try row.number(denominator)
            if let a, let b, b != 0 { values.append(a / b) } else { missing.append(row.cells[row.index[numerator]!].location) }
        }
        let top = units[numerator] ?? Unit(numerator), bottom = units[denominator] ?? Unit(denominator)
        // A ratio of two lengths in mm has no unit; of grams to mm it is "g per mm".
        let unit = top == bottom ? Unit("ratio", singular: "", plural: "")
            : Unit("\(top.name)_per_\(bottom.name)", singular: "\(top.plural) per \(bottom.singular)", plural: "\(top.plural) per \(bottom.singular)")
        return Sample(values: values, missing: missing, unit: unit, period: period,
                      what: measureName("\(numerator) / \(denominator)"), rows: self)
    }

    /// The cell of `column` in `row` as a figure of the column's unit.
    public func figure(_ column: String, in row: DataRow, label: String? = nil) throws -> Figure {
        let cell = try row.cell(column)
        return Figure(measure: column, geography: Geography(fileName), value: try cell.number(),
                      unit: units[column] ?? Unit(column), period: period, source: cell.location,
                      excerpt: "\(fileName) line \(row.line), \(column) = \(cell.text)", label: label ?? column)
    }

    /// Adds the columns of `other` to each row, matched on `key` (which both tables have, and
    /// which must be unique in `other`). A key missing from `other` is an error at the row.
    /// Columns of `other` that this table already has are named `<other file>.<column>`.
    public func joined(with other: DataTable, on key: String) throws -> DataTable {
        try require(key); try other.require(key)
        var lookup: [String: DataRow] = [:]
        for row in other.rows {
            let k = row[key]
            if let first = lookup[k] {
                throw TableError.duplicateKey(at: try row.cell(key).location, column: key, key: k, firstLine: first.line)
            }
            lookup[k] = row
        }
        let added = other.columns.filter { $0 != key }
        let names = added.map { columns.contains($0) ? "\(other.fileName).\($0)" : $0 }
        var index: [String: Int] = [:]
        for (i, c) in (columns + names).enumerated() { index[c] = i }
        var joined: [DataRow] = []
        for row in rows {
            guard let match = lookup[row[key]] else {
                throw TableError.missingKey(at: try row.cell(key).location, column: key, key: row[key], file: other.file)
            }
            let extra = try added.map { try match.cell($0) }
            joined.append(DataRow(line: row.line, cells: row.cells + extra, index: index))
        }
        var units = self.units
        for (c, n) in zip(added, names) { if let u = other.units[c] { units[n] = u } }
        return DataTable(file: file, columns: columns + names, rows: joined, rowUnit: rowUnit, period: period,
                         units: units, selection: selection + ["joined with \(other.fileName) on \(key)"],
                         fileRowCount: fileRowCount)
    }

    private init(file: String, columns: [String], rows: [DataRow], rowUnit: Unit, period: Period,
                 units: [String: Unit], selection: [String], fileRowCount: Int) {
        self.file = file; self.columns = columns; self.rows = rows; self.rowUnit = rowUnit
        self.period = period; self.units = units; self.selection = selection; self.fileRowCount = fileRowCount
    }
}
