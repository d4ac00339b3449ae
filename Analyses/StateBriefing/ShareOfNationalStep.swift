import FolioAnalysis
import FolioData

/// The state's share of each national figure that counts the same thing over the same period,
/// set against its share of US children and residents.
enum ShareOfNationalStep {
    /// The like-for-like programme pairs: (result name, measure, label).
    static let programmes: [(name: String, measure: String, label: String)] = [
        ("missingCases", MeasureKey.missingChildCases, "Missing-child cases"),
        ("socialServices", MeasureKey.missingFromSocialServices, "Missing from social services"),
        ("teamHope", MeasureKey.teamHopeSupported, "Team HOPE survivors and families"),
    ]

    static func run(_ inputs: BriefingInputs, _ run: inout AnalysisRun) throws {
        let state = inputs.sheet.stateName
        try run.set("share.children", Proportion(inputs.statePopulation.under18, of: inputs.usPopulation.under18,
                                                 label: "\(state)'s share of US children"))
        try run.set("share.residents", Proportion(inputs.statePopulation.total, of: inputs.usPopulation.total,
                                                  label: "\(state)'s share of US residents"))
        let children = try run.require("share.children")
        for programme in programmes {
            let name = "share.\(programme.name)"
            try run.set(name, Proportion(try inputs.state(programme.measure), of: try inputs.national(programme.measure),
                                         label: "\(state)'s share of national \(programme.label.lowercased())"))
            try run.set("index.\(programme.name)", Ratio((name, try run.require(name)), over: ("share.children", children),
                                                         label: "\(programme.label): share of national over share of US children"))
        }
    }
}
