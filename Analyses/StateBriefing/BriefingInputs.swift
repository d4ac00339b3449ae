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

    /// The reference tables every state's briefing uses, relative to the project root.
    static let populationFile = "Analyses/Data/population-2023.csv"
    static let byStateFile = "Analyses/Data/ncmec-2023-cybertipline-by-state.csv"

    static func load(context: AnalysisContext) throws -> BriefingInputs {
        let population = try PopulationTable.load(
            path: context.path(BriefingInputs.populationFile), displayPath: BriefingInputs.populationFile)
        let sheet = try FactSheetParser.parse(
            contentsOf: context.path(context.dataFile), displayPath: context.dataFile, states: population.directory)
        let byState = try CyberTiplineByStateTable.load(
            path: context.path(BriefingInputs.byStateFile), displayPath: BriefingInputs.byStateFile)
        guard let row = population.row(code: sheet.stateCode) else {
            throw BriefingError.stateMissing(sheet.stateCode, table: BriefingInputs.populationFile)
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
