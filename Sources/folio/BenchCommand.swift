import ArgumentParser
import FolioRunner
import Foundation

/// `folio bench`: in-process timings of chart layout and encoding. Whole-process timings are
/// in `scripts/bench.sh`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark helpers: in-process timings (min/median/max).",
        discussion: "See scripts/bench.sh for whole-process timings, batches and peak memory.",
        subcommands: [Timings.self],
        defaultSubcommand: Timings.self)

    struct Timings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timings", abstract: "Time each chart's layout and PNG/PDF/SVG encoding, and the whole briefing, in this process.")
        @OptionGroup var options: AnalysisOptions
        @Option(name: .shortAndLong, help: "Repetitions of each job.")
        var runs = 10

        func run() throws {
            try CLIErrors.guarding {
                let session = try options.singleSession()
                let rows = try Benchmark.inProcess(session: session, dataFile: options.data.first, runs: max(1, runs))
                print(Benchmark.pad("job (\(runs) runs; first run cold)") + "      min   median      max")
                for row in rows { print(row.line) }
            }
        }
    }
}
