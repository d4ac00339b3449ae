import ArgumentParser

/// Options shared by commands that run an analysis.
struct AnalysisOptions: ParsableArguments {
    @Option(name: .long, help: "The analysis to run (see `folio list`).")
    var analysis: String = "state-briefing"

    @Option(name: .long, help: ArgumentHelp("A state fact sheet to use instead of the analysis's default; repeat for several.", valueName: "file"))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("The folder to write into (default: Output/ in the project).", valueName: "dir"))
    var output: String?
}
