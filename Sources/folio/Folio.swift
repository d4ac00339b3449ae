import ArgumentParser
import Foundation

/// The `folio` command: runs notebooks, checks outputs, explains numbers.
@main
struct Folio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Run literate notebooks: Markdown with Swift cells, rendered to a PDF/HTML/Markdown briefing whose every number is traceable.",
        discussion: """
        A notebook is a folder under Analyses/ whose Markdown file holds ```swift cells; folio \
        compiles a notebook when its code changed and runs its cells top to bottom. Run from the \
        project folder (or any folder inside it). Outputs go to Output/<notebook>/<folder>/ (the \
        folder is named after the parameters or the data file): briefing.pdf, briefing.html, \
        briefing.md, charts/<id>.png|.pdf|.svg and figures.csv; Output/manifest.json records their hashes.

        Typical use: `folio run` (render what changed), `folio check` (in CI), \
        `folio explain 69.9%` (where did this number come from?).

        Exit codes: 0 success; 1 bad input (data, notebook code or prose, arguments) or unwritable output; \
        2 usage; 3 stale output (check); 70 internal error; 75 output folder busy (run --no-wait).
        """,
        subcommands: [RunCommand.self, MergeCommand.self, CheckCommand.self, WatchCommand.self, ExplainCommand.self,
                      ListCommand.self, BenchCommand.self],
        defaultSubcommand: RunCommand.self)

    /// Parses and runs as ArgumentParser does, except that a usage error exits 2 (the common
    /// convention, and what `--help` promises) instead of sysexits' 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            exit(withError: ExitCode(2))
        }
    }
}
