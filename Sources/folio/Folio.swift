import ArgumentParser

/// The `folio` command: runs analyses, checks outputs, explains numbers.
@main
struct Folio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Run literate analyses: Swift steps, a Markdown narrative, and a PDF/HTML/Markdown briefing whose every number is traceable.",
        discussion: """
        Run from the project folder (or any folder inside it). Outputs go to Output/<analysis>/<run>/:
        briefing.pdf, briefing.md, charts/<id>.png|.pdf|.svg and figures.csv.

        Exit codes: 0 success, 1 bad input (data, narrative or arguments) or unwritable output, 2 usage,
        3 stale output (check), 70 internal error, 75 output folder busy (run --no-wait).
        """,
        subcommands: [RunCommand.self, CheckCommand.self, WatchCommand.self, ExplainCommand.self, IngestCommand.self,
                      ListCommand.self, BenchCommand.self],
        defaultSubcommand: RunCommand.self)
}
