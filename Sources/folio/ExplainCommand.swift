import FolioCommandLine
import FolioRunner

/// `folio explain NAME`: how a number in the briefing was made, down to its source lines.
struct ExplainCommand: FolioCommand {
    static let spec = CommandSpec(
        name: "explain",
        abstract: "Print how a result was computed, down to the source file and line of every input.",
        discussion: "Run without a name to list every result the analysis produces. Give a number as the briefing prints it (668.7, 69.9%, 4,546) to find which results print that way and explain them. With --conditions, print each condition of the narrative (`::: when`, `{{ when }}`, a key figure's `when:`) with the values it read and the text it chose for this data; with a name too, only the conditions that read it.",
        arguments: [ArgumentSpec(name: "name", repeats: false, help: "A result name as the narrative cites it (missing.socialServicesShare), or a number as printed (69.9%).")],
        options: [.flag("conditions", help: "List the narrative's conditions: where each is, what it read, which text it chose.")]
            + AnalysisOptions.specs)

    var name: String?
    var conditions: Bool
    var options: AnalysisOptions

    init(_ arguments: ParsedArguments) throws {
        name = arguments.positionals.first
        conditions = arguments.flag("conditions")
        options = try AnalysisOptions(arguments)
    }

    func run() throws {
        try CLIErrors.guarding {
            let session = try options.singleSession()
            if conditions {
                print(try session.explainConditions(reading: name, dataFile: options.data.first), terminator: "")
            } else {
                print(try session.explain(name, dataFile: options.data.first), terminator: "")
            }
        }
    }
}
