import FolioAnalysis
import FolioData

/// The state's share of each national figure that counts the same thing over the same period,
/// set against its share of US children and residents.
enum ShareOfNationalStep {
    /// The like-for-like programme pairs: (result name, measure, chart label, phrase in a sentence).
    static let programmes: [(name: String, measure: String, label: String, phrase: String)] = [
        ("missingCases", MeasureKey.missingChildCases, "Missing-child cases", "missing-child cases"),
        ("socialServices", MeasureKey.missingFromSocialServices, "Missing from social services",
         "cases of children missing from social services"),
        ("teamHope", MeasureKey.teamHopeSupported, "Team HOPE survivors and families",
         "survivors and families supported by Team HOPE"),
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
                                         label: "\(state)'s share of national \(programme.phrase)"))
            try run.set("index.\(programme.name)", Ratio((name, try run.require(name)), over: ("share.children", children),
                                                         label: "\(programme.label): share of national over share of US children"))
        }
        try recordFindings(&run)
    }

    /// Words the narrative uses for how the shares compare with the population share, so the
    /// prose stays true for any state ("below", "above", "on both sides of").
    static func recordFindings(_ run: inout AnalysisRun) throws {
        let children = try run.require("share.children")
        guard let c = children.number, c > 0 else { return }
        let shares = try programmes.map { try run.require("share.\($0.name)").number ?? 0 }
        let position = shares.allSatisfy { $0 < c } ? "below" : (shares.allSatisfy { $0 > c } ? "above" : "on both sides of")
        let provenance = Provenance(step: run.currentStep,
            formula: "each like-for-like share compared with share.children",
            inputs: programmes.map { .result("share.\($0.name)") } + [.result("share.children")])
        try run.set("finding.sharesVsChildren", value: .text(position, label: "Where the shares sit against the share of US children", provenance: provenance))
        let index = try run.require("index.missingCases").number ?? 1
        let scale = index < 0.9 ? "smaller than" : (index > 1.1 ? "larger than" : "about in line with")
        try run.set("finding.missingVsPopulation", value: .text(scale, label: "Missing-child caseload against population share",
            provenance: Provenance(step: run.currentStep, formula: "index.missingCases below 0.9, above 1.1, or between",
                                   inputs: [.result("index.missingCases")])))
    }
}
