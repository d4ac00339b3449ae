import FolioData
/// One programme-wide figure from `ncmec-2023-national.csv` and the citation it came with.
public struct NationalRow: Sendable, Hashable {
    public var figure: Figure
    /// The `source` column: where NCMEC published the number.
    public var citation: String
}

/// National and worldwide NCMEC totals for context (`ncmec-2023-national.csv`), geography `US`.
///
/// Columns `measure,value,unit,period,source`. `unit` is a `Unit` name (`reports`, `cases`, ...);
/// `period` is a year (`2023`), `cumulative to 2023` or `mid-2023` (the forms `Period` prints).
public struct NationalTable: Sendable, Hashable {
    /// The header the file must have.
    public static let header = ["measure", "value", "unit", "period", "source"]

    /// Every row in file order.
    public let rows: [NationalRow]
    /// The file as named in errors and figure sources.
    public let file: String

    /// Loads and checks the table at `path`, naming it `displayPath` in errors and sources.
    public static func load(path: String, displayPath: String) throws -> NationalTable {
        try parse(text: InputText.read(path: path, displayPath: displayPath), file: displayPath)
    }

    /// Parses and checks the table from text.
    public static func parse(text: String, file: String) throws -> NationalTable {
        let document = try CSVDocument.parse(text: text, file: file)
        try document.expectHeader(header)
        var rows: [NationalRow] = []
        var firstLineByMeasure: [String: Int] = [:]
        for record in document.records {
            try record.expectFieldCount(header.count, file: file)
            let measure = record.fields[0].text
            guard !measure.isEmpty else {
                throw DataError.csvInvalidField(at: record.location(0, file: file), column: "measure", expected: "a measure key", found: "")
            }
            if let first = firstLineByMeasure[measure] {
                throw DataError.duplicateRow(at: record.location(0, file: file), key: measure, firstLine: first)
            }
            firstLineByMeasure[measure] = record.line
            let value = try record.number(1, column: "value", file: file)
            let unitName = record.fields[2].text
            guard let unit = Unit.named(unitName) else {
                throw DataError.csvInvalidField(at: record.location(2, file: file), column: "unit",
                                                expected: "a known unit (\(Unit.known.map(\.name).joined(separator: ", ")))", found: unitName)
            }
            let periodText = record.fields[3].text
            guard let period = Period(parsing: periodText) else {
                throw DataError.csvInvalidField(at: record.location(3, file: file), column: "period",
                                                expected: "a year, \"cumulative to YEAR\" or \"mid-YEAR\"", found: periodText)
            }
            let citation = record.fields[4].text
            let figure = Figure(
                measure: measure, geography: .us, value: value, unit: unit, period: period, qualifier: .exact,
                source: record.location(1, file: file), excerpt: record.excerpt,
                label: measure.replacingOccurrences(of: "_", with: " ").capitalizedFirst + " (\(period))")
            rows.append(NationalRow(figure: figure, citation: citation))
        }
        return NationalTable(rows: rows, file: file)
    }

    /// All figures, in file order.
    public var figures: [Figure] { rows.map(\.figure) }

    /// The figure for a measure key, or nil.
    public func figure(_ measure: String) -> Figure? { rows.first { $0.figure.measure == measure }?.figure }

    /// The figure for a measure key; `DataError.missingFigure` when the table lacks it.
    public func require(_ measure: String) throws -> Figure {
        guard let figure = figure(measure) else {
            throw DataError.missingFigure(file: file, measure: measure, expected: "a row \"\(measure)\" in the national table")
        }
        return figure
    }
}

extension String {
    /// The string with its first character uppercased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
