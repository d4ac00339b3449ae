import FolioCommandLine
import FolioRunner

/// `folio check`: fails when the committed outputs are not what the inputs give now.
struct CheckCommand: FolioCommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Exit non-zero when Output/ is stale: re-renders in memory and compares bytes. Writes nothing.",
        options: AnalysisOptions.specs)

    var options: AnalysisOptions

    init(_ arguments: ParsedArguments) throws { options = try AnalysisOptions(arguments) }

    func run() throws {
        try CLIErrors.guarding {
            let computed = ComputedRuns()
            // The same files `run` would render: a quoted glob is expanded here too.
            let data = try BatchRunner.expand(options.data)
            let files = data.isEmpty ? [nil] : data.map(Optional.some)
            var stale: [String] = []
            for session in try options.sessions(computed: computed) {
                for data in files { stale += try session.check(dataFile: data) }
            }
            if stale.isEmpty {
                print("Output is current.")
            } else {
                CLIErrors.printErr("Output is stale; run `folio run` (or `make run`) and commit the result:")
                for line in stale { CLIErrors.printErr("  \(line)") }
                throw ExitStatus(3)
            }
        }
    }
}
