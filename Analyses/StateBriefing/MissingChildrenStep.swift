import FolioAnalysis
import FolioData

/// The composition of the state's missing-child cases beside the national share from care.
enum MissingChildrenStep {
    static func run(_ inputs: BriefingInputs, _ run: inout AnalysisRun) throws {
        let cases = try inputs.state(MeasureKey.missingChildCases)
        let social = try inputs.state(MeasureKey.missingFromSocialServices)
        let other = try inputs.state(MeasureKey.missingOther)
        let orr = try inputs.state(MeasureKey.missingHHSORR)
        try run.set("missing.cases", Count(cases))
        try run.set("missing.socialServices", Count(social))
        try run.set("missing.other", Count(other))
        try run.set("missing.hhsOrr", Count(orr))
        try run.set("missing.socialServicesShare", Proportion(social, of: cases, label: "Share of the state's missing-child cases from social services"))
        try run.set("missing.otherShare", Proportion(other, of: cases, label: "Share of the state's missing-child cases that were other cases"))
        try run.set("missing.hhsOrrShare", Proportion(orr, of: cases, label: "Share of the state's missing-child cases reported by HHS-ORR"))

        let usCases = try inputs.national(MeasureKey.missingChildCases)
        let usSocial = try inputs.national(MeasureKey.missingFromSocialServices)
        try run.set("national.missing.cases", Count(usCases))
        try run.set("national.missing.socialServices", Count(usSocial))
        try run.set("national.socialServicesShare", Proportion(usSocial, of: usCases, label: "National share of missing-child cases from social services"))
        try run.set("national.likelyTraffickingPercent",
                    Count(try inputs.national(MeasureKey.likelyTraffickingVictimsPercent)))
    }
}
