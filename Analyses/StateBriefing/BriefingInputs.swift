import Foundation
import FolioAnalysis
import FolioData

/// The files a state briefing reads: the state's fact sheet and the reference tables.
struct BriefingInputs: Sendable {
    var sheet: FactSheet
    var population: PopulationTable
    var byState: CyberTiplineByStateTable
    var statePopulation: PopulationRow
    var usPopulation: PopulationRow
    var code: Geography { Geography(sheet.stateCode) }

    static func load(context: AnalysisContext) throws -> BriefingInputs {
        let population = try PopulationTable.load(
            path: context.path(StateBriefing.populationFile), displayPath: StateBriefing.populationFile)
        let sheet = try FactSheetParser.parse(
            contentsOf: context.path(context.dataFile), displayPath: context.dataFile, states: population.directory)
        let byState = try CyberTiplineByStateTable.load(
            path: context.path(StateBriefing.byStateFile), displayPath: StateBriefing.byStateFile)
        guard let row = population.row(code: sheet.stateCode) else {
            throw BriefingError.stateMissing(sheet.stateCode, table: StateBriefing.populationFile)
        }
        return BriefingInputs(sheet: sheet, population: population, byState: byState,
                              statePopulation: row, usPopulation: population.us)
    }

    /// The state's figure for `measure`; a row the sheet leaves out comes back as not reported
    /// (value nil), which measures turn into "not reported" results rather than zeros.
    func state(_ measure: String) throws -> Figure {
        if let f = sheet.figure(measure, geography: code) { return f }
        return try sheet.require(measure, code)
    }
    /// The programme-wide figure for `measure`.
    func national(_ measure: String) throws -> Figure { try sheet.require(measure, .us) }
}

/// Problems specific to the state briefing's inputs.
enum BriefingError: Error, CustomStringConvertible {
    case stateMissing(String, table: String)
    case noStates(String)
    var description: String {
        switch self {
        case .stateMissing(let code, let table): return "\(table): error: no row for state '\(code)'"
        case .noStates(let table): return "\(table): error: the table has no state rows"
        }
    }
}

/// Folder-safe names: "New Hampshire" → "new-hampshire".
enum Slug {
    static func make(_ words: String) -> String {
        let lowered = words.lowercased()
        var out = ""
        for ch in lowered {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.hasSuffix("-") { out.append("-") }
        }
        return String(out.trimmingCharacters(in: CharacterSet(charactersIn: "-")))
    }
}
