import FolioAnalysis
import FolioData
import FolioFormat

/// CyberTipline reports by upload state per 100,000 residents for the 50 states, and where the
/// briefing's state stands among them.
enum ByStateStep {
    /// One state's rate, for the ranked chart.
    struct StateRate: Sendable { var code: String; var name: String; var rate: Double }

    static func rates(_ inputs: BriefingInputs) throws -> [StateRate] {
        var out: [StateRate] = []
        for row in inputs.byState.states {
            guard let people = inputs.population.row(code: row.code) else {
                throw BriefingError.stateMissing(row.code, table: BriefingInputs.populationFile)
            }
            let v = try Rate(row.reports, per: people.total, populationName: "residents", label: row.name).evaluate(step: "cybertipline-by-state")
            if let n = v.number { out.append(StateRate(code: row.code, name: row.name, rate: n)) }
        }
        guard !out.isEmpty else { throw BriefingError.noStates(BriefingInputs.byStateFile) }
        return out.sorted { $0.rate != $1.rate ? $0.rate > $1.rate : $0.name < $1.name }
    }

    static func run(_ inputs: BriefingInputs, _ run: inout AnalysisRun) throws {
        // The table has the 50 states only: a place without a row (DC) is not reported and "not
        // ranked", never zero or an error; the narrative's conditions word the sentence for it.
        let stateRow = inputs.byState.row(code: inputs.sheet.stateCode)
        if let stateRow {
            try run.set("byState.reports", Count(stateRow.reports))
            try run.set("byState.rate", Rate(stateRow.reports, per: inputs.statePopulation.total,
                populationName: "residents", label: "CyberTipline reports by upload location per 100,000 residents"))
        } else {
            let absent = Provenance(step: run.currentStep, formula: "no row for \(inputs.sheet.stateCode) in the by-state table",
                                    inputs: [.source(SourceLocation(file: BriefingInputs.byStateFile, line: 1), description: "the table's rows")])
            try run.set("byState.reports", value: ResultValue(kind: .count(.reports), number: nil,
                label: "CyberTipline reports by upload location (not in the by-state table)", provenance: absent))
            try run.set("byState.rate", value: ResultValue(kind: .rate(per: 100_000, population: "residents"), number: nil,
                label: "CyberTipline reports by upload location per 100,000 residents", provenance: absent))
        }
        try run.set("byState.usRate", Rate(inputs.byState.us.reports, per: inputs.usPopulation.total,
            populationName: "residents", label: "All US CyberTipline reports per 100,000 US residents"))
        let ranked = try rates(inputs)
        let position = ranked.firstIndex { $0.code == inputs.sheet.stateCode }.map { $0 + 1 }
        let provenance = Provenance(step: run.currentStep,
            formula: "rank of the state's reports per 100,000 residents among \(ranked.count) states (1 = highest)",
            inputs: stateRow.map { [.figure($0.reports), .figure(inputs.statePopulation.total)] } ?? [])
        try run.set("byState.rank", value: .text(position.map(Ordinal.make) ?? "not ranked", label: "Rank among states", provenance: provenance))
        try run.set("byState.stateCount", value: .text(String(ranked.count), label: "States ranked", provenance: provenance))
        try recordUSAgainstStates(inputs, ranked, &run)
        let median = ranked.count % 2 == 1 ? ranked[ranked.count / 2].rate
            : (ranked[ranked.count / 2 - 1].rate + ranked[ranked.count / 2].rate) / 2
        try run.set("byState.medianRate", value: ResultValue(kind: .rate(per: 100_000, population: "residents"),
            number: median, label: "Median state rate per 100,000 residents",
            provenance: Provenance(step: run.currentStep, formula: "median of the \(ranked.count) state rates",
                                   inputs: [.source(SourceLocation(file: BriefingInputs.byStateFile, line: 1), description: "every state row")])))
    }
}

extension ByStateStep {
    /// How the national rate compares with the states' ("higher than 47 of the 50 states"), and
    /// the reports that resolved to no state, which the national total counts and no state does.
    static func recordUSAgainstStates(_ inputs: BriefingInputs, _ ranked: [StateRate], _ run: inout AnalysisRun) throws {
        let us = try run.require("byState.usRate")
        guard let usRate = us.number else { return }
        let lower = ranked.filter { $0.rate < usRate }.count, higher = ranked.filter { $0.rate > usRate }.count
        let clause = lower >= higher ? "higher than \(lower) of the \(ranked.count) states" : "lower than \(higher) of the \(ranked.count) states"
        try run.set("byState.usVsStates", value: .text(clause, label: "The national rate against the states'",
            provenance: Provenance(step: run.currentStep, formula: "states whose rate is below (or above) byState.usRate",
                                   inputs: [.result("byState.usRate"),
                                            .source(SourceLocation(file: BriefingInputs.byStateFile, line: 1), description: "every state row")])))
        if let unspecified = inputs.byState.unspecified {
            try run.set("byState.unspecified", Count(unspecified.reports))
        } else {
            try run.set("byState.unspecified", value: ResultValue(kind: .count(.reports), number: nil,
                label: "CyberTipline reports that resolved to no state",
                provenance: Provenance(step: run.currentStep, formula: "no UNSPECIFIED row in the by-state table",
                                       inputs: [.source(SourceLocation(file: BriefingInputs.byStateFile, line: 1), description: "the table's rows")])))
        }
    }
}

/// English ordinals: 1st, 2nd, 3rd, 11th, 22nd.
enum Ordinal {
    static func make(_ n: Int) -> String {
        let tens = n % 100, ones = n % 10
        if (11...13).contains(tens) { return "\(n)th" }
        switch ones { case 1: return "\(n)st"; case 2: return "\(n)nd"; case 3: return "\(n)rd"; default: return "\(n)th" }
    }
}
