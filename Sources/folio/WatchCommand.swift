import FolioCommandLine
import Foundation
import FolioRunner

/// `folio watch`: re-renders whenever the narrative, the data or the analysis sources change.
struct WatchCommand: FolioCommand {
    static let spec = CommandSpec(
        name: "watch",
        abstract: "Render, then re-render whenever the notebook (prose or cells), its Swift files or data change (Ctrl-C to stop).",
        discussion: "Polls the run's inputs (as recorded in Output/manifest.json) a few times a second. Errors are printed and watching goes on; the last good output stays in place.",
        options: AnalysisOptions.specs + [.option("interval", default: "\(defaultInterval)", help: "Seconds between checks.")])

    /// Seconds between checks when `--interval` is not given; the help shows it.
    static let defaultInterval = 0.3

    var options: AnalysisOptions
    var interval: Double

    init(_ arguments: ParsedArguments) throws {
        options = try AnalysisOptions(arguments)
        interval = try arguments.number("interval") ?? Self.defaultInterval
    }

    func run() throws {
        try CLIErrors.guarding {
            let session = try options.singleSession()
            let progress = ProgressReporter(quiet: false)
            let watcher = InputWatcher(session: session, dataFile: options.data.first)
            progress.finish("Watching \(watcher.describe()); Ctrl-C to stop.")
            while true {
                if watcher.changed() {
                    do {
                        // A fresh session each time: a changed cell is compiled and loaded anew.
                        let current = try options.singleSession()
                        progress.finish(try current.run(dataFile: options.data.first) { progress.step($0) })
                    } catch let error as FolioError {
                        progress.finish("")
                        CLIErrors.printErr(error.description)
                    }
                    watcher.rememberCurrentState()
                }
                Thread.sleep(forTimeInterval: max(0.05, interval))
            }
        }
    }
}
