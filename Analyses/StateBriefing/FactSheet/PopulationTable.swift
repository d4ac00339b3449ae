import FolioData
/// One row of the population table: a place and its three mid-2023 population figures.
public struct PopulationRow: Sendable, Hashable {
    /// USPS code, `DC`, or `US`.
    public var code: String
    public var name: String
    /// Resident population (`population_total`).
    public var total: Figure
    /// Residents aged 18 and over (`population_18_plus`).
    public var age18Plus: Figure
    /// Residents under 18 (`population_under_18`).
    public var under18: Figure
    /// The row's three figures.
    public var figures: [Figure] { [total, age18Plus, under18] }
}

/// Census Bureau Vintage 2023 resident population by state (`population-2023.csv`).
///
/// Columns `geo,name,total,age_18_plus,under_18`. Loading checks that `under_18 = total − age_18_plus`
/// on every row, that the 50 states and DC add up to the `US` row, and that no code repeats.
public struct PopulationTable: YearlyCSVTable, Sendable, Hashable {
    /// The header the file must have.
    public static let header = ["geo", "name", "total", "age_18_plus", "under_18"]

    /// Every row in file order: states, DC and US.
    public let rows: [PopulationRow]
    /// The `US` row (50 states + DC).
    public let us: PopulationRow
    /// The file as named in errors and figure sources.
    public let file: String
    /// The position in `rows` of each code's first row, for `row(code:)`; derived from `rows`.
    private let rowIndexByCode: [String: Int]

    init(rows: [PopulationRow], us: PopulationRow, file: String) {
        self.rows = rows; self.us = us; self.file = file
        var index: [String: Int] = [:]
        for position in rows.indices where index[rows[position].code] == nil { index[rows[position].code] = position }
        rowIndexByCode = index
    }

    /// Checks and reads a CSV document already parsed (`load` and `parse(text:)` come from
    /// `YearlyCSVTable`).
    public static func parse(document: CSVDocument, file: String, year: Int) throws -> PopulationTable {
        try document.expectHeader(header)
        var rows: [PopulationRow] = []
        var firstLineByCode: [String: Int] = [:]
        var totalRecord: CSVDocument.Record?
        for record in document.records {
            try record.expectFieldCount(header.count, file: file)
            let code = record.fields[0].text.uppercased()
            let name = record.fields[1].text
            if let first = firstLineByCode[code] {
                throw DataError.duplicateRow(at: record.location(0, file: file), key: code, firstLine: first)
            }
            firstLineByCode[code] = record.line
            let total = try record.positiveCount(2, column: "total", file: file)
            let adults = try record.positiveCount(3, column: "age_18_plus", file: file)
            let children = try record.positiveCount(4, column: "under_18", file: file)
            if adults + children != total {
                throw DataError.partsDoNotAddUp(
                    parts: "age_18_plus + under_18 for \(code)", partLines: [record.line], partsSum: adults + children,
                    total: record.location(2, file: file), totalValue: total)
            }
            let excerpt = record.excerpt
            // "<label>, <name>, July 1, <year>", built in one buffer.
            let labelTail = ", " + name + ", July 1, " + String(year)
            func figure(_ measure: String, _ value: Double, _ field: Int, _ label: String) -> Figure {
                var fullLabel = label
                fullLabel.reserveCapacity(label.utf8.count + labelTail.utf8.count)
                fullLabel += labelTail
                return Figure(measure: measure, geography: Geography(code), value: value, unit: .people,
                              period: .pointInTime(year: year), qualifier: .exact, source: record.location(field, file: file),
                              excerpt: excerpt, label: fullLabel)
            }
            rows.append(PopulationRow(
                code: code, name: name,
                total: figure(MeasureKey.populationTotal, total, 2, "Resident population"),
                age18Plus: figure(MeasureKey.population18Plus, adults, 3, "Residents aged 18 and over"),
                under18: figure(MeasureKey.populationUnder18, children, 4, "Residents under 18")))
            if code == StateCodes.unitedStates { totalRecord = record }
        }
        guard let us = rows.first(where: { $0.code == StateCodes.unitedStates }), let totalRecord else {
            throw DataError.missingRow(file: file, key: StateCodes.unitedStates)
        }
        // Each column summed over the states and DC in file order, reading the rows in place
        // (a key path projection, or a for-in loop, copied all 20 strings of each row).
        var sums = (total: 0.0, adults: 0.0, children: 0.0)
        for i in rows.indices where rows[i].code != StateCodes.unitedStates {
            sums.total += rows[i].total.value ?? 0
            sums.adults += rows[i].age18Plus.value ?? 0
            sums.children += rows[i].under18.value ?? 0
        }
        let columns = [(2, sums.total, us.total.value ?? 0), (3, sums.adults, us.age18Plus.value ?? 0),
                       (4, sums.children, us.under18.value ?? 0)]
        for (index, sum, stated) in columns {
            if sum != stated {
                let parts = rows.filter { $0.code != StateCodes.unitedStates }
                throw DataError.partsDoNotAddUp(
                    parts: "the \(parts.count) state and DC rows of \(header[index])",
                    partLines: [parts.first?.total.source.line ?? 2, parts.last?.total.source.line ?? 2],
                    partsSum: sum, total: totalRecord.location(index, file: file), totalValue: stated)
            }
        }
        return PopulationTable(rows: rows, us: us, file: file)
    }

    /// The row for a USPS code (`MS`, `DC`, `US`; case-insensitive), or nil.
    public func row(code: String) -> PopulationRow? {
        rowIndexByCode[code.uppercased()].map { rows[$0] }
    }

    /// The 50 states, in file order (no DC, no US).
    public var states: [PopulationRow] { rows.filter { StateCodes.fiftyStates.contains($0.code) } }

    /// The 50 states and DC, in file order (no US): the places the `US` row sums.
    public var statesAndDC: [PopulationRow] { rows.filter { $0.code != StateCodes.unitedStates } }

    /// Names and codes of the 50 states and DC, for fact-sheet parsing.
    public var directory: StateDirectory {
        StateDirectory(statesAndDC.map { StateDirectory.Entry(code: $0.code, name: $0.name) })
    }

    /// All figures of all rows.
    public var figures: [Figure] { rows.flatMap(\.figures) }
}
