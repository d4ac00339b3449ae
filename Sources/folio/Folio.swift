import ArgumentParser

/// The `folio` command: runs analyses, checks outputs, explains numbers.
@main
struct Folio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Run literate analyses: Swift steps, a Markdown narrative, and a PDF/HTML/Markdown briefing whose every number is traceable.",
        discussion: """
        Run from the project folder (or any folder inside it). Outputs go to \
        Output/<analysis>/<state>-<year>/: briefing.pdf, briefing.html, briefing.md, \
        charts/<id>.png|.pdf|.svg and figures.csv; Output/manifest.json records their hashes.

        Typical use: `folio run` (render what changed), `folio check` (in CI), \
        `folio explain 69.9%` (where did this number come from?).

        Exit codes: 0 success; 1 bad input (data, narrative or arguments) or unwritable output; \
        2 usage; 3 stale output (check); 70 internal error; 75 output folder busy (run --no-wait).
        """,
        subcommands: [RunCommand.self, CheckCommand.self, WatchCommand.self, ExplainCommand.self,
                      ListCommand.self, BenchCommand.self],
        defaultSubcommand: RunCommand.self)
}
