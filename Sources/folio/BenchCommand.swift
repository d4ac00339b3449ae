import ArgumentParser
import FolioRunner
import Foundation

/// `folio bench`: in-process timings of chart layout and encoding, and the synthetic sheets
/// the batch benchmark uses. Whole-process timings are in `scripts/bench.sh`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark helpers: in-process timings (min/median/max) and synthetic fact sheets.",
        discussion: "See scripts/bench.sh for whole-process timings, batches and peak memory.",
        subcommands: [Timings.self, Sheets.self],
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

    struct Sheets: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sheets",
            abstract: "Write 51 SYNTHETIC fact sheets (50 states + DC, values scaled by population) into a folder.")
        @Argument(help: "The folder to write into (not under Analyses/).")
        var directory: String

        func run() throws {
            try CLIErrors.guarding {
                let cwd = FileManager.default.currentDirectoryPath
                let root = try ProjectLocator.findRoot(from: cwd)
                let dir = directory.hasPrefix("/") ? directory : cwd + "/" + directory
                let resolved = URL(fileURLWithPath: dir).standardizedFileURL.path
                if resolved.hasPrefix(root + "/Analyses") {
                    throw FolioError.input("error: synthetic sheets must not go into Analyses/")
                }
                let paths = try SyntheticSheets.write(into: resolved, projectRoot: root)
                print("Wrote \(paths.count) SYNTHETIC sheets to \(resolved)")
            }
        }
    }
}
