import ArgumentParser
import FolioRunner

/// Options shared by commands that run an analysis.
struct AnalysisOptions: ParsableArguments {
    @Option(name: .long, help: "The analysis to run (see `folio list`); default: every analysis in the project.")
    var analysis: String?

    @Option(name: .long, help: ArgumentHelp("A state fact sheet to use instead of the analysis's default; repeat, or give a quoted glob ('sheets/*.txt'), for several.", valueName: "file"))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("The folder to write into (default: Output/ in the project).", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: "PNG resolution in dots per inch (200 makes a 6.5-inch chart 1300 px wide).")
    var dpi: Double = 200
}

extension AnalysisOptions {
    /// The analyses these options name: the one given, or every analysis in the project.
    func targetIDs() throws -> [String] {
        if let analysis { return [analysis] }
        return try FolioSession.targetIDs()
    }

    /// The single analysis for commands that take one: the one given, or the first compiled one.
    var singleTarget: String { analysis ?? AnalysisCatalog.all[0].id }
}
