import FolioData

extension AnalysisRun {
    /// Loads the CSV at `path` (project-relative or absolute) as a table and records it as an
    /// input of the run, so an edit to it makes the outputs stale. See `DataTable`.
    /// - Parameters:
    ///   - rows: what one row counts (`Unit("penguins", singular: "penguin")`).
    ///   - period: the time the observations cover.
    ///   - units: the unit of each measured column; their cells must be numbers or missing.
    public mutating func table(_ path: String, rows: Unit, period: Period, units: [String: Unit] = [:]) throws -> DataTable {
        let table = try DataTable.load(path: context.path(path), displayPath: path, rowUnit: rows, period: period, units: units)
        recordInput(path)
        return table
    }

    /// Sets the parameter values as text results `params.<name>`, so the narrative can cite them.
    public mutating func recordParameters(file: String, line: Int) throws {
        for name in context.parameters.keys.sorted() {
            try set("params.\(name)", value: .text(context.parameters[name] ?? "", label: "Parameter \(name)",
                provenance: Provenance(step: currentStep, formula: "the parameter `\(name)` (front matter default or --param)",
                                       inputs: [.source(SourceLocation(file: file, line: line), description: "params")])))
        }
    }
}
