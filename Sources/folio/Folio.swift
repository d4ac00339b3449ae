import FolioCommandLine
import Foundation

/// The `folio` command: runs notebooks, checks outputs, explains numbers.
@main
enum Folio {
    static let abstract = "Run literate notebooks: Markdown with Swift cells, rendered to a PDF/HTML/Markdown briefing whose every number is traceable."
    static let discussion = """
        A notebook is a folder under Analyses/ whose Markdown file holds ```swift cells; folio \
        compiles a notebook when its code changed and runs its cells top to bottom. Run from the \
        project folder (or any folder inside it). Outputs go to Output/<notebook>/<folder>/ (the \
        folder is named after the parameters or the data file): briefing.pdf, briefing.html, \
        briefing.md, charts/<id>.png|.pdf|.svg and figures.csv; Output/manifest.json records their hashes.

        Typical use: `folio run` (render what changed), `folio check` (in CI), \
        `folio explain 69.9%` (where did this number come from?).

        Exit codes: 0 success; 1 bad input (data, notebook code or prose, arguments) or unwritable output; \
        2 usage; 3 stale output (check); 70 internal error; 75 output folder busy (run --no-wait).
        """

    /// The subcommands; the first runs when none is named (`folio --data x.txt` is `folio run --data x.txt`).
    static let commands: [any FolioCommand.Type] = [
        RunCommand.self, MergeCommand.self, CheckCommand.self, WatchCommand.self, ExplainCommand.self,
        ListCommand.self, BenchCommand.self,
    ]

    static func main() {
        do {
            try dispatch(Array(CommandLine.arguments.dropFirst()))
        } catch let usage as UsageError {
            FileHandle.standardError.write(Data(usage.text.utf8))
            exit(2)
        } catch let status as ExitStatus {
            exit(status.code)
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Picks the subcommand (`help` and `--help` print help instead) and runs it.
    static func dispatch(_ words: [String]) throws {
        let specs = commands.map { $0.spec }
        if words.first == "help" {
            guard let name = words.dropFirst().first else { return print(rootHelp, terminator: "") }
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw UsageError(message: "Unknown subcommand '\(name)'", command: nil)
            }
            return print(HelpText.of(spec), terminator: "")
        }
        if words.first == "-h" || words.first == "--help" { return print(rootHelp, terminator: "") }
        let named = words.first.flatMap { word in commands.first { $0.spec.name == word } }
        let command = named ?? commands[0]
        let rest = named == nil ? words : Array(words.dropFirst())
        // `--help` anywhere before a `--` asks for the command's help, whatever else is on the line.
        if rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "-h" || $0 == "--help" }) {
            return print(HelpText.of(command.spec), terminator: "")
        }
        try command.init(try CommandLineParser.parse(rest, as: command.spec)).run()
    }

    static var rootHelp: String { HelpText.root(abstract: abstract, discussion: discussion, commands: commands.map { $0.spec }) }
}
