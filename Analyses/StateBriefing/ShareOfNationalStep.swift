import FolioAnalysis
import FolioData
import FolioFormat

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

    /// Words the narrative, the chart title and its alternative text use for how the shares
    /// compare with the population shares, so each stays true for any state: a position
    /// ("below", "above", "on both sides of") and a clause saying which sit where.
    static func recordFindings(_ run: inout AnalysisRun) throws {
        // A share not reported sits nowhere: it is left out of the comparison.
        let shares = try programmes.compactMap { p in try run.require("share.\(p.name)").number.map { (phrase: p.phrase, value: $0) } }
        try run.set("shares.likeForLike", value: ResultValue(
            kind: .count(Unit("figures", singular: "figure")), number: Double(programmes.count),
            label: "Figures counted alike in the state and the nation",
            provenance: Provenance(step: run.currentStep,
                                   formula: "programmes counted the same way, over the same period, in the state and the nation",
                                   inputs: programmes.map { .result("share.\($0.name)") })))
        for (reference, population) in [("share.children", "US children"), ("share.residents", "US residents")] {
            guard let r = try run.require(reference).number, r > 0 else { continue }
            let comparison = SharesComparison(shares: shares, reference: r)
            let suffix = reference == "share.children" ? "Children" : "Residents"
            let provenance = Provenance(step: run.currentStep, formula: "each like-for-like share compared with \(reference)",
                                        inputs: programmes.map { .result("share.\($0.name)") } + [.result(reference)])
            try run.set("finding.sharesVs\(suffix)", value: .text(comparison.position,
                label: "Where the shares sit against the share of \(population)", provenance: provenance))
            try run.set("finding.sharesVs\(suffix).detail", value: .text(comparison.clause,
                label: "Which shares sit above and below the share of \(population)", provenance: provenance))
        }
        let index = try run.require("index.missingCases").number ?? 1
        let scale = index < 0.9 ? "smaller than" : (index > 1.1 ? "larger than" : "about in line with")
        try run.set("finding.missingVsPopulation", value: .text(scale, label: "Missing-child caseload against population share",
            provenance: Provenance(step: run.currentStep, formula: "index.missingCases below 0.9, above 1.1, or between",
                                   inputs: [.result("index.missingCases")])))
    }
}

/// Where a state's shares of national figures sit against one population share.
struct SharesComparison {
    let shares: [(phrase: String, value: Double)]
    let reference: Double

    var above: [String] { shares.filter { $0.value > reference }.map(\.phrase) }
    var below: [String] { shares.filter { $0.value < reference }.map(\.phrase) }
    var level: [String] { shares.filter { $0.value == reference }.map(\.phrase) }

    /// "below", "above" or "on both sides of" (shares exactly level with it count with neither).
    var position: String {
        if shares.isEmpty { return "not compared with" }
        if above.isEmpty, !below.isEmpty { return "below" }
        if below.isEmpty, !above.isEmpty { return "above" }
        return above.isEmpty ? "level with" : "on both sides of"
    }

    /// A clause for after "against the state's 0.93% share of US children, …": "all three
    /// shares sit below it", or which sit above and which below.
    var clause: String {
        if shares.isEmpty { return "no share was reported to compare with it" }
        if shares.count > 1 {
            let all = shares.count == 2 ? "both" : NumberWords.cardinal(shares.count).map { "all \($0)" } ?? "all"
            if level.isEmpty, above.isEmpty { return "\(all) shares sit below it" }
            if level.isEmpty, below.isEmpty { return "\(all) shares sit above it" }
        }
        var parts: [String] = []
        if !above.isEmpty { parts.append("the share\(above.count > 1 ? "s" : "") of \(list(above)) sit\(above.count > 1 ? "" : "s") above it") }
        if !below.isEmpty { parts.append("the share\(below.count > 1 ? "s" : "") of \(list(below)) sit\(below.count > 1 ? "" : "s") below it") }
        if !level.isEmpty { parts.append("the share\(level.count > 1 ? "s" : "") of \(list(level)) equal\(level.count > 1 ? "" : "s") it") }
        return parts.joined(separator: ", and ")
    }

    /// "a", "a and of b", "a, of b and of c": each after the first keeps its "of", so phrases
    /// that contain "and" still read apart.
    private func list(_ phrases: [String]) -> String {
        phrases.count <= 2 ? phrases.joined(separator: " and of ")
            : phrases.dropLast().joined(separator: ", of ") + " and of " + phrases.last!
    }
}
