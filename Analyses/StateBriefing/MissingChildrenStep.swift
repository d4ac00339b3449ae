import FolioAnalysis
import FolioData

/// The composition of the state's missing-child cases beside the national share from care.
enum MissingChildrenStep {
    static func run(_ inputs: BriefingInputs, _ run: inout AnalysisRun) throws {
        // Typed quantities: the compiler checks that every share below divides cases by cases. A
        // state can honestly have no cases; its shares are then "not defined", not an error.
        let sheet = inputs.sheet, state = inputs.code
        let cases = try sheet.quantity(MeasureKey.missingChildCases, state, Cases.self, Annual.self)
        let social = try sheet.quantity(MeasureKey.missingFromSocialServices, state, Cases.self, Annual.self)
        let other = try sheet.quantity(MeasureKey.missingOther, state, Cases.self, Annual.self)
        let orr = try sheet.quantity(MeasureKey.missingHHSORR, state, Cases.self, Annual.self)
        try run.set("missing.cases", Count(cases))
        try run.set("missing.socialServices", Count(social))
        try run.set("missing.other", Count(other))
        try run.set("missing.hhsOrr", Count(orr))
        try run.set("missing.socialServicesShare", Proportion(social, of: cases, label: "Share of the state's missing-child cases from social services"),
                    zeroWhole: .notDefined)
        try run.set("missing.otherShare", Proportion(other, of: cases, label: "Share of the state's missing-child cases that were other cases"),
                    zeroWhole: .notDefined)
        try run.set("missing.hhsOrrShare", Proportion(orr, of: cases, label: "Share of the state's missing-child cases reported by HHS-ORR"),
                    zeroWhole: .notDefined)

        let usCases = try sheet.quantity(MeasureKey.missingChildCases, .us, Cases.self, Annual.self)
        let usSocial = try sheet.quantity(MeasureKey.missingFromSocialServices, .us, Cases.self, Annual.self)
        try run.set("national.missing.cases", Count(usCases))
        try run.set("national.missing.socialServices", Count(usSocial))
        try run.set("national.socialServicesShare", Proportion(usSocial, of: usCases, label: "National share of missing-child cases from social services"))
        try run.set("national.likelyTraffickingPercent",
                    Count(try inputs.national(MeasureKey.likelyTraffickingVictimsPercent)))
    }
}
