import ArgumentParser
import FolioRunner

/// `folio run`: renders briefings into the output folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an analysis and write its briefing, charts and figures.",
        discussion: """
        Nothing is written unless the whole briefing succeeds; a failed or killed run leaves the output folder \
        as it was (files are staged in <output>/.folio-staging-<pid>/ and swapped in at the end).

        One run at a time per output folder: a second run waits for the first (it says so on stderr) \
        or, with --no-wait, exits with code 75.

        Exit codes: 0 written, 1 bad input or unwritable output (the message names the file), 2 usage, \
        70 internal error, 75 the output folder is busy (--no-wait).
        """)

    @OptionGroup var options: AnalysisOptions
    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false
    @Flag(name: .customLong("no-wait"), help: "If another folio run is writing to the output folder, exit with code 75 instead of waiting.")
    var noWait = false

    func run() throws {
        try CLIErrors.guarding {
            let session = try FolioSession(analysis: options.analysis, output: options.output)
            let lock = try OutputLock.acquire(outputRoot: session.outputRoot, wait: !noWait) { CLIErrors.printErr($0) }
            defer { withExtendedLifetime(lock) {} }
            let files = options.data.isEmpty ? [nil] : options.data.map(Optional.some)
            for data in files {
                let summary = try session.run(dataFile: data) { message in
                    if !quiet { CLIErrors.printErr(message) }
                }
                if !quiet { print(summary) }
            }
        }
    }
}
