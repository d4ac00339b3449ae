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
    @Option(name: .shortAndLong, help: "Sheets rendered in parallel, as child processes (default: the number of cores).")
    var jobs: Int?

    func run() throws {
        try CLIErrors.guarding {
            let data = try BatchRunner.expand(options.data)
            let jobs = jobs ?? BatchRunner.defaultJobs
            if data.count > 1 && jobs > 1 {
                var arguments = ["run", "--analysis", options.analysis] + (quiet ? ["--quiet"] : [])
                if let output = options.output { arguments += ["--output", output] }
                let (summaries, status) = try BatchRunner.run(files: data, jobs: jobs, arguments: arguments)
                for line in summaries { print(line) }
                if status != 0 { throw ExitCode(status) }
                return
            }
            let session = try FolioSession(analysis: options.analysis, output: options.output)
            let files = data.isEmpty ? [nil] : data.map(Optional.some)
            for data in files {
                let summary = try session.run(dataFile: data) { message in
                    if !quiet { CLIErrors.printErr(message) }
                }
                if !quiet { print(summary) }
            }
        }
    }
}
