import FolioAnalysis
import FolioData

/// Records the names and denominators every other step and the narrative use.
enum LoadStep {
    static func record(_ inputs: BriefingInputs, into run: inout AnalysisRun) throws {
        let sheet = inputs.sheet
        let heading = sheet.stateNameLocation
        try run.set("state.name", value: .text(sheet.stateName, label: "State",
            provenance: Provenance(step: run.currentStep, formula: "the state named in the fact sheet's heading",
                                   inputs: [.source(heading, description: "fact sheet heading")])))
        // Mid-sentence the District of Columbia takes its article ("cases from the District of
        // Columbia"); the fact sheet's title and the charts' labels keep the bare name.
        let inProse = sheet.stateName.hasPrefix("District of ") ? "the " + sheet.stateName : sheet.stateName
        try run.set("state.nameInProse", value: .text(inProse, label: "State, as a sentence names it",
            provenance: Provenance(step: run.currentStep, formula: "the state named in the fact sheet's heading, with \"the\" for the District of Columbia",
                                   inputs: [.source(heading, description: "fact sheet heading")])))
        try run.set("state.code", value: .text(sheet.stateCode, label: "USPS code",
            provenance: Provenance(step: run.currentStep, formula: "the state's code in the population table",
                                   inputs: [.figure(inputs.statePopulation.total)])))
        try run.set("data.year", value: .text(String(sheet.year), label: "Data year",
            provenance: Provenance(step: run.currentStep, formula: "the year the fact sheet reports",
                                   inputs: [.source(heading, description: "fact sheet")])))
        try run.set("state.children", Count(inputs.statePopulation.under18, withInterval: false))
        try run.set("state.residents", Count(inputs.statePopulation.total, withInterval: false))
        try run.set("us.children", Count(inputs.usPopulation.under18, withInterval: false))
        try run.set("us.residents", Count(inputs.usPopulation.total, withInterval: false))
    }
}
