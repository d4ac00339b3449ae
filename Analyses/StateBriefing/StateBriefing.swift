import FolioAnalysis
import FolioCharts
import FolioData

/// The state briefing: a state's 2023 NCMEC fact sheet set against the nation, its population
/// and the other states. Every number the narrative prints is a result of one of these steps.
public struct StateBriefing: Analysis {
    public static let id = "state-briefing"
    public static let summary = "A state's NCMEC 2023 fact sheet against the nation, its population and the other states"
    public static let narrative = "Analyses/StateBriefing/briefing.md"
    public static let defaultData = "Analyses/Data/ncmec-2023-mississippi.txt"

    /// The reference tables every state's briefing uses, relative to the project root.
    static let populationFile = "Analyses/Data/population-2023.csv"
    static let byStateFile = "Analyses/Data/ncmec-2023-cybertipline-by-state.csv"

    public init() {}

    public func run(_ run: inout AnalysisRun) throws {
        var inputs: BriefingInputs?
        try run.step("load") { run in
            let loaded = try BriefingInputs.load(context: run.context)
            for file in [run.context.dataFile, Self.populationFile, Self.byStateFile] { run.recordInput(file) }
            run.outputName = "\(Slug.make(loaded.sheet.stateName))-\(loaded.sheet.year)"
            run.displayName = "\(loaded.sheet.stateName) \(loaded.sheet.year)"
            try LoadStep.record(loaded, into: &run)
            inputs = loaded
        }
        guard let inputs else { return }
        try run.step("missing-children") { try MissingChildrenStep.run(inputs, &$0) }
        try run.step("share-of-national") { try ShareOfNationalStep.run(inputs, &$0) }
        try run.step("within-state") { try WithinStateStep.run(inputs, &$0) }
        try run.step("per-capita") { try PerCapitaStep.run(inputs, &$0) }
        try run.step("cybertipline-by-state") { try ByStateStep.run(inputs, &$0) }
        try run.step("charts") { try BriefingCharts.add(inputs, to: &$0) }
    }
}
