import FolioAnalysis
import FolioData

/// Per-capita estimates: counts per 100,000 children (or residents) with exact Poisson intervals.
enum PerCapitaStep {
    /// The child-related counts shown per 100,000 children: (result suffix, measure, label).
    static let childRates: [(name: String, measure: String, label: String)] = [
        ("missingCases", MeasureKey.missingChildCases, "Missing-child cases"),
        ("socialServices", MeasureKey.missingFromSocialServices, "Missing from social services"),
        ("cvipSubmissions", MeasureKey.cvipSubmissions, "CVIP submissions reviewed"),
        ("traffickingEngagements", MeasureKey.traffickingEngagements, "Trafficking case engagements"),
    ]

    static func run(_ inputs: BriefingInputs, _ run: inout AnalysisRun) throws {
        let children = inputs.statePopulation.under18
        let residents = inputs.statePopulation.total
        let reports = try inputs.state(MeasureKey.cybertiplineReports)
        try run.set("rate.cybertipline.perChildren", Rate(reports, per: children, populationName: "children",
            label: "CyberTipline reports made available to law enforcement per 100,000 children"))
        try run.set("rate.cybertipline.perResidents", Rate(reports, per: residents, populationName: "residents",
            label: "CyberTipline reports made available to law enforcement per 100,000 residents"))
        for rate in childRates {
            try run.set("rate.\(rate.name).perChildren", Rate(try inputs.state(rate.measure), per: children,
                populationName: "children", label: "\(rate.label) per 100,000 children"))
        }
    }
}
