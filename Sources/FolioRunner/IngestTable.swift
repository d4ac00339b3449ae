import FolioData

/// The CSV `folio ingest` prints: one row per figure with its source line.
enum IngestTable {
    static func csv(_ sheet: FactSheet) -> String {
        var lines = ["measure,geo,value,unit,period,qualifier,source_line,excerpt"]
        for f in sheet.figures {
            let fields = [f.measure, f.geography.code, f.value.map(FiguresTable.plain) ?? "", f.unit.name,
                          f.period.description, f.qualifier.rawValue, "\(f.source.line)", f.excerpt]
            lines.append(fields.map(FiguresTable.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
