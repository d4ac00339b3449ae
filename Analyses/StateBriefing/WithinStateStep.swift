import FolioAnalysis
import FolioData

/// Ratios inside the state: figures of different programmes set against each other.
enum WithinStateStep {
    static func run(_ inputs: BriefingInputs, _ run: inout AnalysisRun) throws {
        try run.set("teamHope.supported", Count(try inputs.state(MeasureKey.teamHopeSupported)))
        try run.set("mentalHealth.connections", Count(try inputs.state(MeasureKey.mentalHealthConnections)))
        try run.set("ratio.mentalHealthPerTeamHope", Ratio(
            ("mentalHealth.connections", try run.require("mentalHealth.connections")),
            over: ("teamHope.supported", try run.require("teamHope.supported")),
            label: "Mental-health connections per Team HOPE survivor or family",
            caveat: "the two programmes are counted separately; a family may be in one and not the other"),
            zeroWhole: .notDefined)
        try run.set("ratio.socialServicesPerOther", Ratio(
            ("missing.socialServices", try run.require("missing.socialServices")),
            over: ("missing.other", try run.require("missing.other")),
            label: "Missing from social services per other missing-child case"), zeroWhole: .notDefined)
        try run.set("trafficking.engagements", Count(try inputs.state(MeasureKey.traffickingEngagements)))
        try run.set("cvip.submissions", Count(try inputs.state(MeasureKey.cvipSubmissions)))
        try run.set("connect.newUsers", Count(try inputs.state(MeasureKey.connectNewUsers)))
        try run.set("cybertipline.reports", Count(try inputs.state(MeasureKey.cybertiplineReports)))
        try run.set("national.cybertipline.reports", Count(try inputs.national(MeasureKey.cybertiplineReports)))
        try run.set("national.cvip.childrenIdentified", Count(try inputs.national(MeasureKey.cvipChildrenIdentified)))
        try run.set("national.connect.registeredUsers", Count(try inputs.national(MeasureKey.connectRegisteredUsers)))
        try run.set("national.trafficking.reports", Count(try inputs.national(MeasureKey.traffickingReports)))
        try run.set("national.teamHope.supported", Count(try inputs.national(MeasureKey.teamHopeSupported)))
    }
}
