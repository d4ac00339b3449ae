import ArgumentParser
import FolioRunner

/// `folio run`: renders briefings into the output folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an analysis and write its briefing, charts and figures.",
        discussion: "Nothing is written unless the whole briefing succeeds; a failed run leaves the output folder as it was.")

    @OptionGroup var options: AnalysisOptions
    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Render even when the manifest shows nothing changed.")
    var force = false

    func run() throws {
        try CLIErrors.guarding {
            let files = options.data.isEmpty ? [nil] : options.data.map(Optional.some)
            let progress = ProgressReporter(quiet: quiet)
            for id in try options.targetIDs() {
                let session = try FolioSession(analysis: id, output: options.output)
                for data in files {
                    let summary = try session.run(dataFile: data, force: force) { progress.step($0) }
                    progress.finish(summary)
                }
            }
        }
    }
}
