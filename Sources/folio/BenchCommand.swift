import FolioCommandLine
import FolioRunner
import Foundation

/// `folio bench [timings]`: in-process timings of chart layout and encoding. Whole-process
/// timings are in `scripts/bench.sh`.
struct BenchCommand: FolioCommand {
    static let spec = CommandSpec(
        name: "bench",
        abstract: "Benchmark helpers: in-process timings (min/median/max) of each chart's layout and PNG/PDF/SVG encoding, and the whole briefing.",
        discussion: "See scripts/bench.sh for whole-process timings, batches and peak memory.",
        arguments: [ArgumentSpec(name: "what", repeats: false, help: "timings (the default, and the only one).")],
        options: AnalysisOptions.specs + [.option("runs", short: "r", default: "\(defaultRuns)", help: "Repetitions of each job.")])

    /// Repetitions when `--runs` is not given; the help shows it.
    static let defaultRuns = 10

    var options: AnalysisOptions
    var runs: Int

    init(_ arguments: ParsedArguments) throws {
        if let what = arguments.positionals.first, what != "timings" {
            throw UsageError(message: "Unknown benchmark '\(what)'; expected timings", command: Self.spec)
        }
        options = try AnalysisOptions(arguments)
        runs = try arguments.number("runs") ?? Self.defaultRuns
    }

    func run() throws {
        try CLIErrors.guarding {
            let session = try options.singleSession()
            let rows = try Benchmark.inProcess(session: session, dataFile: options.data.first, runs: max(1, runs))
            print(Benchmark.pad("job (\(runs) runs; first run cold)") + "      min   median      max")
            for row in rows { print(row.line) }
        }
    }
}
