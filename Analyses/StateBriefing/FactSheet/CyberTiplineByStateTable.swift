import FolioData
/// One row of the CyberTipline-by-state table: a place and its reports by upload location.
public struct CyberTiplineRow: Sendable, Hashable {
    /// USPS code, `UNSPECIFIED` (US reports with no state) or `US`.
    public var code: String
    public var name: String
    /// Reports whose upload resolved to the place (`cybertipline_reports_by_upload_state`).
    public var reports: Figure
}

/// NCMEC's "2023 CyberTipline Reports by State" (`ncmec-2023-cybertipline-by-state.csv`).
///
/// Columns `geo,name,reports`. These count reports by *upload location*; a fact sheet's
/// `cybertipline_reports` counts reports *made available to the state's law enforcement*: different
/// measures, never interchangeable. Loading checks that the state rows plus `UNSPECIFIED` add up to `US`.
public struct CyberTiplineByStateTable: YearlyCSVTable, Sendable, Hashable {
    /// The header the file must have.
    public static let header = ["geo", "name", "reports"]
    /// The code of the row for US reports with no state.
    public static let unspecifiedCode = "UNSPECIFIED"

    /// Every row in file order.
    public let rows: [CyberTiplineRow]
    /// The `US` row: all reports whose upload resolved to the United States.
    public let us: CyberTiplineRow
    /// The file as named in errors and figure sources.
    public let file: String

    /// Checks and reads a CSV document already parsed (`load` and `parse(text:)` come from
    /// `YearlyCSVTable`).
    public static func parse(document: CSVDocument, file: String, year: Int) throws -> CyberTiplineByStateTable {
        try document.expectHeader(header)
        var rows: [CyberTiplineRow] = []
        var firstLineByCode: [String: Int] = [:]
        for record in document.records {
            try record.expectFieldCount(header.count, file: file)
            let code = record.fields[0].text.uppercased()
            let name = record.fields[1].text
            if let first = firstLineByCode[code] {
                throw DataError.duplicateRow(at: record.location(0, file: file), key: code, firstLine: first)
            }
            firstLineByCode[code] = record.line
            let reports = try record.count(2, column: "reports", file: file)
            let label = code == StateCodes.unitedStates
                ? "CyberTipline reports with a US upload location, \(year)"
                : "CyberTipline reports whose upload location resolved to \(name), \(year)"
            rows.append(CyberTiplineRow(code: code, name: name, reports: Figure(
                measure: MeasureKey.cybertiplineReportsByUploadState, geography: Geography(code), value: reports,
                unit: .reports, period: .year(year), qualifier: .exact, source: record.location(2, file: file),
                excerpt: record.excerpt, label: label)))
        }
        guard let us = rows.first(where: { $0.code == StateCodes.unitedStates }) else {
            throw DataError.missingRow(file: file, key: StateCodes.unitedStates)
        }
        guard let usReports = us.reports.value, usReports > 0 else {
            throw DataError.numberOutOfRange(at: us.reports.source,
                                             expected: "a US total above zero in column \"reports\" (states are ranked by their rates)",
                                             found: us.reports.value.map { DataError.number($0) } ?? "")
        }
        // Summed in file order, reading the rows in place (filtering them first copied each).
        var sum = 0.0
        for i in rows.indices where rows[i].code != StateCodes.unitedStates { sum += rows[i].reports.value ?? 0 }
        if let stated = us.reports.value, sum != stated {
            let parts = rows.filter { $0.code != StateCodes.unitedStates }
            throw DataError.partsDoNotAddUp(
                parts: "the \(parts.count) state and UNSPECIFIED rows",
                partLines: [parts.first?.reports.source.line ?? 2, parts.last?.reports.source.line ?? 2],
                partsSum: sum, total: us.reports.source, totalValue: stated)
        }
        return CyberTiplineByStateTable(rows: rows, us: us, file: file)
    }

    /// The row for a code (`MS`, `UNSPECIFIED`, `US`; case-insensitive), or nil.
    public func row(code: String) -> CyberTiplineRow? {
        let code = code.uppercased()
        return rows.first { $0.code == code }
    }

    /// The 50 states, in file order (no DC, no UNSPECIFIED, no US).
    public var states: [CyberTiplineRow] { rows.filter { StateCodes.fiftyStates.contains($0.code) } }

    /// The `UNSPECIFIED` row (US reports with no state), when present.
    public var unspecified: CyberTiplineRow? { row(code: Self.unspecifiedCode) }

    /// All figures of all rows.
    public var figures: [Figure] { rows.map(\.reports) }
}
